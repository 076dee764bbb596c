import type { ParsedLabelConfig } from '@ls/projects';

export const SKILL_NAMES = ['TextClassification', 'NamedEntityRecognition'] as const;
export type SkillName = (typeof SKILL_NAMES)[number];

/** The control tag each skill answers with, and the one a project of that skill must not have. */
const SKILL_CONTROLS: Record<SkillName, { control: string; other: string }> = {
  TextClassification: { control: 'Choices', other: 'Labels' },
  NamedEntityRecognition: { control: 'Labels', other: 'Choices' },
};

/** The object tags a prompt reads its input from. */
const TEXT_OBJECTS = new Set(['Text']);

/** What a project's label config gives a prompt of a skill, or why it cannot serve one. */
export type SkillFit =
  | { fits: true; input_fields: string[]; output_classes: string[] }
  | { fits: false; reason: string };

/**
 * Whether a labeling config fits `skill` (behavior-enterprise §6.1): TextClassification needs a
 * `Choices` control on a `Text` object, NamedEntityRecognition a `Labels` control on one; a config
 * with both kinds is ambiguous (which control would the answer fill?) and fits neither. The input
 * fields are the data keys of the Text objects those controls read, the classes their labels.
 */
export function skillFit(config: ParsedLabelConfig | null | undefined, skill: SkillName): SkillFit {
  const { control, other } = SKILL_CONTROLS[skill];
  const controls = Object.values(config ?? {});
  if (controls.some((parsed) => parsed.type === other)) {
    return { fits: false, reason: `${skill} needs no ${other} control, the config has one.` };
  }
  const inputs = new Set<string>();
  const classes = new Set<string>();
  for (const parsed of controls) {
    if (parsed.type !== control) continue;
    const texts = parsed.inputs.filter((input) => TEXT_OBJECTS.has(input.type) && input.value);
    if (texts.length === 0) continue;
    for (const input of texts) inputs.add(input.value as string);
    for (const label of parsed.labels) classes.add(label);
  }
  if (inputs.size === 0) {
    return { fits: false, reason: `${skill} needs a ${control} control on a Text object.` };
  }
  return { fits: true, input_fields: [...inputs], output_classes: [...classes] };
}
