import { CostEstimator } from './cost-estimator';
import { CostEstimateController } from './http/cost-estimate.controller';
import { SubsetTasks } from './subset-tasks';

/** What cost estimates add to `PromptsModule` and `PromptsHttpModule`. */
export const COST_PROVIDERS = [SubsetTasks, CostEstimator];
export const COST_CONTROLLERS = [CostEstimateController];
