/** The queue of model server work and its jobs. */
export const ML_QUEUE = 'ml';
/** Predictions for every task of a backend's project that has none of its model version. */
export const ML_PREDICT_JOB = 'ml.predict';
/** Training started by the annotation trigger. */
export const ML_TRAIN_JOB = 'ml.train';
/** A predict job whose process died runs again; it skips the tasks already predicted. */
export const ML_PREDICT_ATTEMPTS = 3;
