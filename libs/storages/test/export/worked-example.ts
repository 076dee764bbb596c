import { ExportTask } from '../../src/lib/export/formats/converter-items';

/** The worked example of behavior.md 5.4: two images, a box and a choice each. */
export const WORKED_CONFIG = `<View>
  <Image name="image" value="$image"/>
  <RectangleLabels name="label" toName="image">
    <Label value="Car"/><Label value="Person"/>
  </RectangleLabels>
  <Choices name="quality" toName="image"><Choice value="good"/><Choice value="bad"/></Choices>
</View>`;

const box = (
  x: number,
  y: number,
  width: number,
  height: number,
  label: string,
  size: number[],
) => ({
  id: `box-${label}`,
  from_name: 'label',
  to_name: 'image',
  type: 'rectanglelabels',
  original_width: size[0],
  original_height: size[1],
  image_rotation: 0,
  value: { x, y, width, height, rotation: 0, rectanglelabels: [label] },
});

const choice = (value: string) => ({
  id: `choice-${value}`,
  from_name: 'quality',
  to_name: 'image',
  type: 'choices',
  value: { choices: [value] },
});

const annotation = (
  id: number,
  task: number,
  result: ExportTask['annotations'][number]['result'],
) => ({
  id,
  completed_by: 7,
  result,
  was_cancelled: false,
  ground_truth: false,
  created_at: '2024-05-01T10:05:00.000000Z',
  updated_at: '2024-05-01T10:05:00.000000Z',
  lead_time: 12.5,
  task,
  project: 3,
});

export const WORKED_TASKS: ExportTask[] = [
  {
    id: 1,
    data: { image: '/data/upload/3/aa11-cat.jpg' },
    annotations: [annotation(11, 1, [box(10, 20, 30, 40, 'Car', [800, 600]), choice('good')])],
  },
  {
    id: 2,
    data: { image: '/data/upload/3/bb22-dog.jpg' },
    annotations: [annotation(12, 2, [box(50, 50, 10, 20, 'Person', [1000, 500]), choice('bad')])],
  },
];
