import { CompatibleProjects } from './compatible-projects';
import { PromptVersionsController } from './http/prompt-versions.controller';
import { PromptsController } from './http/prompts.controller';
import { PromptProject } from './prompt-project.entity';
import { PromptProjects } from './prompt-projects';
import { PromptResources } from './prompt-resources';
import { PromptVersion } from './prompt-version.entity';
import { PromptVersionsService } from './prompt-versions.service';
import { Prompt } from './prompt.entity';
import { PromptsService } from './prompts.service';

/** What prompts and their versions add to `PromptsModule` and `PromptsHttpModule`. */
export const PROMPT_ENTITIES = [Prompt, PromptProject, PromptVersion];
export const PROMPT_PROVIDERS = [
  PromptProjects,
  PromptsService,
  PromptVersionsService,
  CompatibleProjects,
  PromptResources,
];
export const PROMPT_CONTROLLERS = [PromptsController, PromptVersionsController];
