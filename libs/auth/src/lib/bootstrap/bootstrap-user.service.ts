import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, CORE_MODULE_OPTIONS, CoreModuleOptions } from '@ls/core';
import { AccountsService } from './accounts.service';

/**
 * Creates the user named by LABEL_STUDIO_USERNAME / LABEL_STUDIO_PASSWORD at API start when it
 * does not exist yet, in a new organization; LABEL_STUDIO_USER_TOKEN becomes its legacy token.
 * Safe to run on every start and on several replicas at once.
 */
@Injectable()
export class BootstrapUserService implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapUserService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly accounts: AccountsService,
    @Inject(CORE_MODULE_OPTIONS) private readonly options: CoreModuleOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { LABEL_STUDIO_USERNAME: email, LABEL_STUDIO_PASSWORD: password } = this.config;
    if (this.options.role !== 'api' || !email || !password) return;
    const outcome = await this.accounts.ensureUser({
      email,
      password,
      token: this.config.LABEL_STUDIO_USER_TOKEN,
      organizationTitle: 'Label Studio',
    });
    this.logger.log(`Bootstrap user ${email}: ${outcome}`);
  }
}
