import { analyzeLabelConfig } from '@ls/projects';
import { interpolateKeyFrames, isVideoTracking } from '../../src/lib/export/tasks/key-frames';

const frame = (frame: number, x: number, time: number, enabled: boolean) => ({
  frame,
  enabled,
  x,
  y: 5,
  width: 10,
  height: 20,
  rotation: 0,
  time,
});

const tracked = (sequence: ReturnType<typeof frame>[]) => ({
  id: 'car',
  from_name: 'box',
  to_name: 'video',
  type: 'videorectangle',
  value: { framesCount: 8, duration: 0.8, labels: ['Car'], sequence },
});

describe('interpolate_key_frames', () => {
  it('fills the frames between two key frames linearly, marked auto', () => {
    const [region] = interpolateKeyFrames([
      tracked([frame(5, 40, 0.4, false), frame(1, 0, 0, true)]),
    ]) as { value: { sequence: Record<string, unknown>[] } }[];
    expect(region.value.sequence.map((f) => [f.frame, f.x, f.time, f.auto ?? false])).toEqual([
      [1, 0, 0, false],
      [2, 10, 0.1, true],
      [3, 20, 0.2, true],
      [4, 30, 0.3, true],
      [5, 40, 0.4, false],
    ]);
  });

  it('keeps an enabled last key frame until the end of the video, time spread over the duration', () => {
    const [region] = interpolateKeyFrames([tracked([frame(6, 40, 0.5, true)])]) as {
      value: { sequence: Record<string, unknown>[] };
    }[];
    expect(region.value.sequence.map((f) => [f.frame, f.x, f.time])).toEqual([
      [6, 40, 0.5],
      [7, 40, 0.65],
      [8, 40, 0.8],
    ]);
  });

  it('leaves other results as they are and drops a tracked region without key frames', () => {
    const choice = { type: 'choices', value: { choices: ['Day'] } };
    expect(interpolateKeyFrames([choice, tracked([])])).toEqual([choice]);
  });

  it('applies to video tracking configs only', () => {
    const video = `<View><Video name="video" value="$video"/>
      <VideoRectangle name="box" toName="video"/><Labels name="l" toName="video"><Label value="Car"/></Labels></View>`;
    const image = `<View><Image name="image" value="$image"/>
      <RectangleLabels name="box" toName="image"><Label value="Car"/></RectangleLabels></View>`;
    expect(isVideoTracking(analyzeLabelConfig(video).parsed_label_config)).toBe(true);
    expect(isVideoTracking(analyzeLabelConfig(image).parsed_label_config)).toBe(false);
  });
});
