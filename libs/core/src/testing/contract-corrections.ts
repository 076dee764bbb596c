/**
 * Where the contract disagrees with what Label Studio serves and its clients read, it is corrected
 * here before any check, so every deviation is listed in one place (docs/contract-deviations.md).
 */

type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; items?: Schema };
type Responses = Record<string, { content?: Record<string, { schema?: Schema }> }>;

const LIST = { type: 'array', items: { type: 'object' } };
const INTEGER = { type: 'integer', readOnly: true };
const NULLABLE_INTEGER = { type: 'integer', nullable: true };

/** Counters the project list and counts schemas type as strings. */
const INTEGER_COUNTERS = {
  queue_total: INTEGER,
  skipped_annotations_number: INTEGER,
  total_annotations_number: INTEGER,
};

/** Label Studio's error body (its DRF exception handler), which every failing request gets. */
const ERROR_BODY = {
  type: 'object',
  required: ['status_code', 'detail'],
  properties: {
    id: { type: 'string' },
    status_code: { type: 'integer' },
    version: { type: 'string' },
    detail: { type: 'string' },
    exc_info: { type: 'string', nullable: true },
    validation_errors: { type: 'object', additionalProperties: true },
  },
};

/**
 * A task's lists: `annotations` are annotation objects (a string in the contract); a prediction's
 * `model` and `model_run` are ids or null, as Label Studio's prediction serializer gives them
 * (objects in the contract).
 */
function correctTaskLists(schema: Schema): void {
  const properties = schema.properties ?? {};
  properties.annotations = LIST;
  Object.assign(properties.predictions?.items?.properties ?? {}, {
    model: NULLABLE_INTEGER,
    model_run: NULLABLE_INTEGER,
  });
}

/**
 * Component schemas:
 * - tasks' lists (see {@link correctTaskLists});
 * - an annotator's task counts comments in integers, as every other task shape does (strings in
 *   the contract's annotator shape);
 * - `RoleBasedTask` is a `oneOf` whose first two members are the same schema, so no body can
 *   match exactly one of them: it is checked as `anyOf`;
 * - project counters are integers, typed as strings in the list and counts schemas;
 * - a prompt version's `score` is null before any run scored it.
 */
const SCHEMA_CORRECTIONS: Record<string, (schema: Schema) => void> = {
  LseTask: correctTaskLists,
  LseTaskSerializerForReviewers: correctTaskLists,
  LseTaskSerializerForAnnotators: (schema) => {
    correctTaskLists(schema);
    Object.assign(schema.properties ?? {}, {
      comment_count: INTEGER,
      unresolved_comment_count: INTEGER,
    });
  },
  RoleBasedTask: (schema) => {
    schema.anyOf = schema.oneOf;
    delete schema.oneOf;
  },
  AllRolesProjectList: (schema) => Object.assign(schema.properties ?? {}, INTEGER_COUNTERS),
  LseProjectCounts: (schema) => Object.assign(schema.properties ?? {}, INTEGER_COUNTERS),
  // A prompt version has no score until a run on ground truth tasks gives it one.
  ThirdPartyModelVersion: (schema) =>
    Object.assign(schema.properties ?? {}, {
      score: { type: 'string', readOnly: true, nullable: true },
    }),
};

const jsonSchema = (responses: Responses, status: string) =>
  responses[status]?.content?.['application/json'];

/** An export format as Label Studio lists it for its export dialog. */
const EXPORT_FORMAT = {
  type: 'object',
  required: ['name', 'title', 'description', 'link'],
  properties: {
    name: { type: 'string' },
    title: { type: 'string' },
    description: { type: 'string' },
    link: { type: 'string' },
    tags: { type: 'array', items: { type: 'string' } },
    disabled: { type: 'boolean' },
  },
};

/**
 * Operations' responses:
 * - an import with `commit_to_project=false` counts no annotations or predictions: `null`, as
 *   Label Studio answers; its 400 is Label Studio's error body, not the string the contract says;
 * - the export formats are objects (name, title, description, link, tags, disabled), not names;
 * - a direct export's body is the file of the format asked.
 */
const OPERATION_CORRECTIONS: Record<string, (responses: Responses) => void> = {
  api_projects_export_formats_retrieve: (responses) => {
    const formats = jsonSchema(responses, '200');
    if (formats) formats.schema = { type: 'array', items: EXPORT_FORMAT };
  },
  // The file of the format asked: a JSON export is a list of tasks, not a string.
  api_projects_export_retrieve: (responses) => {
    const file = jsonSchema(responses, '200');
    if (file) file.schema = {};
  },
  api_projects_import_create: (responses) => {
    const counts = jsonSchema(responses, '201')?.schema?.properties ?? {};
    for (const field of ['annotation_count', 'predictions_count']) {
      counts[field] = { ...counts[field], nullable: true };
    }
    const refused = jsonSchema(responses, '400');
    if (refused) refused.schema = ERROR_BODY;
  },
};

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Applies every correction to a parsed contract, in place. */
export function correctContract(document: Record<string, unknown>): void {
  const schemas = (document.components as { schemas: Record<string, Schema> }).schemas;
  for (const [name, correct] of Object.entries(SCHEMA_CORRECTIONS)) {
    if (schemas[name]) correct(schemas[name]);
  }
  const paths = document.paths as Record<string, Record<string, unknown>>;
  for (const item of Object.values(paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!HTTP_METHODS.includes(method)) continue;
      const { operationId, responses } = operation as {
        operationId?: string;
        responses?: Responses;
      };
      const correct = operationId ? OPERATION_CORRECTIONS[operationId] : undefined;
      if (correct && responses) correct(responses);
    }
  }
}
