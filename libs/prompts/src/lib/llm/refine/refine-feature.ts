import { RefineController } from './http/refine.controller';
import { PromptRefinement } from './prompt-refinement.entity';
import { PromptRefiner } from './prompt-refiner';
import { RefineJob } from './refine.job';
import { Refinements } from './refinements.service';
import { VersionMistakes } from './version-mistakes';

/** What refinement adds to `PromptsModule` and `PromptsHttpModule`. */
export const REFINE_ENTITIES = [PromptRefinement];
export const REFINE_PROVIDERS = [VersionMistakes, PromptRefiner, Refinements, RefineJob];
export const REFINE_CONTROLLERS = [RefineController];
