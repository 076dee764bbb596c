import { Injectable } from '@nestjs/common';

/** A `from_name|to_name|type` triple used by annotation results, with how many use it. */
export interface ResultShapeUsage {
  from_name: string;
  to_name: string;
  type: string;
  count: number;
}

export interface LabelUse {
  annotations: number;
  drafts: number;
}

/**
 * Labels used per control: from_name -> label -> counts. Maps, as both keys are data (a control
 * may be called `__proto__` in an imported result).
 */
export type LabelsInUse = Map<string, Map<string, LabelUse>>;

export interface LabelUsageSource {
  resultShapes(projectId: number): Promise<ResultShapeUsage[]>;
  labelsInUse(projectId: number): Promise<LabelsInUse>;
}

/**
 * What annotations of a project use, asked before its label config changes. The annotations
 * library registers its source; without one, nothing is in use.
 */
@Injectable()
export class LabelUsage {
  private source?: LabelUsageSource;

  register(source: LabelUsageSource): void {
    this.source = source;
  }

  resultShapes(projectId: number): Promise<ResultShapeUsage[]> {
    return this.source?.resultShapes(projectId) ?? Promise.resolve([]);
  }

  labelsInUse(projectId: number): Promise<LabelsInUse> {
    return this.source?.labelsInUse(projectId) ?? Promise.resolve(new Map());
  }
}
