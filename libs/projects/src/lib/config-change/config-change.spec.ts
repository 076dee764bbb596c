import { analyzeLabelConfig } from '../label-config/label-config';
import { configChangeProblem, configEssentialDataHasChanged } from './config-change';

const parsed = (config: string) => analyzeLabelConfig(config).parsed_label_config;

const BOXES = parsed(`<View><Image name="img" value="$image"/>
  <RectangleLabels name="box" toName="img"><Label value="Car"/><Label value="Person"/></RectangleLabels></View>`);

describe('label config changes on a project with annotations', () => {
  const shapes = [{ from_name: 'box', to_name: 'img', type: 'rectanglelabels', count: 3 }];
  const labels = new Map([['box', new Map([['Car', { annotations: 3, drafts: 1 }]])]]);

  it('allows the same config and additions', () => {
    expect(configChangeProblem(BOXES, shapes, labels)).toBeNull();
    const more = parsed(`<View><Image name="img" value="$image"/>
      <RectangleLabels name="box" toName="img"><Label value="Car"/><Label value="Bike"/></RectangleLabels>
      <Choices name="q" toName="img"><Choice value="ok"/></Choices></View>`);
    expect(configChangeProblem(more, shapes, labels)).toBeNull();
  });

  it('rejects removing a control in use, naming from_name, to_name and type', () => {
    const without = parsed(`<View><Image name="img" value="$image"/>
      <Choices name="q" toName="img"><Choice value="ok"/></Choices></View>`);
    expect(configChangeProblem(without, shapes, labels)).toBe(
      'Created annotations are incompatible with provided labeling schema, we found:\n3 with from_name=box, to_name=img, type=rectanglelabels',
    );
  });

  it('rejects removing a label in use, naming it with its counts', () => {
    const noCar = parsed(`<View><Image name="img" value="$image"/>
      <RectangleLabels name="box" toName="img"><Label value="Person"/></RectangleLabels></View>`);
    expect(configChangeProblem(noCar, shapes, labels)).toBe(
      'These labels are still used by annotations of tag "box": Car (3 annotations, 1 drafts). Add them back to the tag "box".',
    );
  });

  it('takes names that are object properties (__proto__, constructor) as unknown controls', () => {
    for (const name of ['__proto__', 'constructor', 'toString']) {
      const odd = [{ from_name: name, to_name: 'img', type: 'rectanglelabels', count: 1 }];
      expect(configChangeProblem(BOXES, odd, new Map())).toContain(`from_name=${name}`);
      const oddLabels = new Map([[name, new Map([['Car', { annotations: 1, drafts: 0 }]])]]);
      expect(configChangeProblem(BOXES, [], oddLabels)).toBe(
        `There are 1 annotation(s) created with tag "${name}", you can't remove it`,
      );
    }
  });

  it('tells when the essential data changed', () => {
    const renamed = parsed(`<View><Image name="img" value="$photo"/>
      <RectangleLabels name="box" toName="img"><Label value="Car"/><Label value="Person"/></RectangleLabels></View>`);
    expect(configEssentialDataHasChanged(BOXES, BOXES)).toBe(false);
    expect(configEssentialDataHasChanged(renamed, BOXES)).toBe(true);
  });

  it('reads the stored config field by field, whatever order jsonb gives its keys back in', () => {
    const stored = JSON.parse(JSON.stringify(BOXES));
    stored.box.inputs = [{ valueType: null, value: 'image', type: 'Image' }];
    expect(configEssentialDataHasChanged(BOXES, stored)).toBe(false);
    stored.box.inputs = [{ valueType: null, valueList: 'image', type: 'Image' }];
    expect(configEssentialDataHasChanged(BOXES, stored)).toBe(true);
  });
});
