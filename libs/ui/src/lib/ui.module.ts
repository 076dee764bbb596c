import { Module } from '@nestjs/common';
import { AuthModule } from '@ls/auth';
import { UiAssetsController } from './ui-assets.controller';
import { UiPagesController } from './ui-pages.controller';

/**
 * The browser pages (sign-in, projects, create project, data manager with the labeling editor,
 * settings) and the files they load. Import it beside the HTTP modules of the API; leave it out
 * (`UI_ENABLED=false`) for an API-only server.
 */
@Module({ imports: [AuthModule], controllers: [UiPagesController, UiAssetsController] })
export class UiModule {}
