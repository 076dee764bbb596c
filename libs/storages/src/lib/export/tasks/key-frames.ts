import { ParsedLabelConfig } from '@ls/projects';

/** Result types whose values are key frames of a tracked region. */
const TRACKING_TYPES = new Set(['videorectangle']);

/** Whether a project tracks regions across video frames (a VideoRectangle on a Video). */
export function isVideoTracking(controls: ParsedLabelConfig): boolean {
  return Object.values(controls).some(
    (control) =>
      control.type === 'VideoRectangle' && control.inputs.some((input) => input.type === 'Video'),
  );
}

interface Frame extends Record<string, unknown> {
  frame: number;
  enabled: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
  rotation: number;
  time: number;
}

const round2 = (value: number) => Math.round(value * 100) / 100;
/** The values that move between two key frames. */
type Interpolated = 'x' | 'y' | 'rotation' | 'width' | 'height' | 'time';

/**
 * A tracked region's key frames with every frame between them filled in (`auto: true`), as Label
 * Studio's `interpolate_key_frames` exports them: values move linearly from one enabled key
 * frame to the next, and an enabled last key frame lasts until the end of the video.
 */
export function interpolateKeyFrames(results: unknown[]): unknown[] {
  const interpolated: unknown[] = [];
  for (const result of results) {
    const region = result as { type?: unknown; value?: Record<string, unknown> };
    const sequence = region.value?.['sequence'];
    if (typeof region.type !== 'string' || !TRACKING_TYPES.has(region.type.toLowerCase())) {
      interpolated.push(result);
      continue;
    }
    if (!Array.isArray(sequence) || sequence.length === 0) continue;
    const keyFrames = [...(sequence as Frame[])].sort((a, b) => a.frame - b.frame);
    const frames: Frame[] = structuredClone(sequence as Frame[]);
    const framesCount = Number(region.value?.['framesCount'] ?? 0);
    const duration = Number(region.value?.['duration'] ?? 0);
    keyFrames.forEach((from, index) => {
      frames.push(...framesBetween(from, keyFrames[index + 1], framesCount, duration));
    });
    const copy = structuredClone(region) as { value: Record<string, unknown> };
    copy.value['sequence'] = frames.sort((a, b) => a.frame - b.frame);
    interpolated.push(copy);
  }
  return interpolated;
}

function framesBetween(
  from: Frame,
  to: Frame | undefined,
  framesCount: number,
  duration: number,
): Frame[] {
  if (!from.enabled || (to && from.frame > to.frame)) return [];
  const count = to ? to.frame - from.frame + 1 : framesCount - from.frame + 1;
  const frames: Frame[] = [];
  // The key frames themselves are in the sequence already: only the frames between are added.
  for (let step = 1; step < count; step++) {
    const frame = from.frame + step;
    if (frame === to?.frame) continue;
    const progress = step / Math.max(1, count - 1);
    const moved = (key: Interpolated) =>
      !to || from[key] === to[key] ? 0 : ((to[key] ?? 0) - from[key]) * progress;
    const next: Frame = {
      ...structuredClone(from),
      x: from.x + moved('x'),
      y: from.y + moved('y'),
      width: from.width + moved('width'),
      height: from.height + moved('height'),
      rotation: from.rotation + moved('rotation'),
      frame,
      time: round2(from.time + moved('time')),
      auto: true,
    };
    if (moved('time') === 0 && duration > 0) {
      next.time = round2(from.time + progress * (duration - from.time));
    }
    frames.push(next);
  }
  return frames;
}
