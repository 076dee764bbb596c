import { SaxesParser } from 'saxes';
import { analyzeLabelConfig } from '@ls/projects';
import { positiveIntegerFromEnv } from './env';
import { costlyConfigs } from './label-config/costly-configs';
import { percentile, roundTo } from './stats';

type Figures = Record<string, number | string>;

const RUNS = positiveIntegerFromEnv('BENCH_LABEL_CONFIG_RUNS', 30);

/** The bare reference: saxes, the XML parser underneath, reading the document with no handlers. */
function parseWithSaxesAlone(config: string): void {
  new SaxesParser().write(config).close();
}

/** Milliseconds of each of RUNS calls; the first is the cold one. */
function timings(run: () => void): { first: number; p50: number; max: number } {
  const samples: number[] = [];
  for (let index = 0; index < RUNS; index += 1) {
    const start = process.hrtime.bigint();
    run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const first = samples[0];
  samples.sort((a, b) => a - b);
  return { first, p50: percentile(samples, 0.5), max: samples[samples.length - 1] };
}

/**
 * Parses and analyzes label configs at the byte cap (1 MiB), each built to be as costly as the
 * caps allow in one way, and times saxes alone (the parser underneath) on the same input beside it.
 */
export async function benchLabelConfigParse(): Promise<Figures[]> {
  return costlyConfigs().map(({ shape, config }) => {
    const ours = timings(() => analyzeLabelConfig(config));
    const reference = timings(() => parseWithSaxesAlone(config));
    return {
      shape,
      bytes: Buffer.byteLength(config),
      ms_p50: roundTo(ours.p50, 1),
      ms_max: roundTo(ours.max, 1),
      ms_first: roundTo(ours.first, 1),
      saxes_alone_ms_p50: roundTo(reference.p50, 1),
      saxes_alone_ms_max: roundTo(reference.max, 1),
    };
  });
}
