/** Every action a webhook can subscribe to (the contract's `ActionsEnum`), as `/info/` lists them. */
export const WEBHOOK_ACTIONS = {
  PROJECT_CREATED: {
    name: 'Project created',
    description: 'A project was created in the organization',
    organizationOnly: true,
  },
  PROJECT_UPDATED: {
    name: 'Project updated',
    description: "A project's settings were changed",
    organizationOnly: false,
  },
  PROJECT_DELETED: {
    name: 'Project deleted',
    description: 'A project was deleted',
    organizationOnly: true,
  },
  TASKS_CREATED: {
    name: 'Task created',
    description: 'Tasks were created or imported',
    organizationOnly: false,
  },
  TASKS_DELETED: {
    name: 'Task deleted',
    description: 'Tasks were deleted',
    organizationOnly: false,
  },
  ANNOTATION_CREATED: {
    name: 'Annotation created',
    description: 'An annotation was submitted',
    organizationOnly: false,
  },
  ANNOTATIONS_CREATED: {
    name: 'Annotations created',
    description: 'Annotations were created in bulk (from predictions, by an action)',
    organizationOnly: false,
  },
  ANNOTATION_UPDATED: {
    name: 'Annotation updated',
    description: 'An annotation was updated',
    organizationOnly: false,
  },
  ANNOTATIONS_DELETED: {
    name: 'Annotation deleted',
    description: 'Annotations were deleted',
    organizationOnly: false,
  },
  LABEL_LINK_CREATED: {
    name: 'Label link created',
    description: 'A label of the label library was linked to a project',
    organizationOnly: false,
  },
  LABEL_LINK_UPDATED: {
    name: 'Label link updated',
    description: 'A label link of a project was changed',
    organizationOnly: false,
  },
  LABEL_LINK_DELETED: {
    name: 'Label link deleted',
    description: 'A label link of a project was removed',
    organizationOnly: false,
  },
  REVIEW_CREATED: {
    name: 'Review created',
    description: 'An annotation was reviewed',
    organizationOnly: false,
  },
  REVIEW_UPDATED: {
    name: 'Review updated',
    description: 'A review was changed',
    organizationOnly: false,
  },
  REVIEWS_DELETED: {
    name: 'Review deleted',
    description: 'Reviews were deleted',
    organizationOnly: false,
  },
} as const;

export type WebhookActionName = keyof typeof WEBHOOK_ACTIONS;
export const WEBHOOK_ACTION_NAMES = Object.keys(WEBHOOK_ACTIONS) as WebhookActionName[];

export function isOrganizationOnly(action: WebhookActionName): boolean {
  return WEBHOOK_ACTIONS[action].organizationOnly;
}
