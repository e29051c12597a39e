/**
 * Steps taken by the token scans a run-on sentence could make quadratic: clause bounds (events) and name candidates
 * (entities). Only a test reads it, to check that they grow in proportion to the text (the clock is too noisy).
 */
export const scanSteps = { count: 0 };
