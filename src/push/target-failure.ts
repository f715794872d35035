import { TargetError } from '../errors.js';

export function unauthorizedTarget(target: string, reason: string): TargetError {
  return new TargetError(target, 'target_unauthorized', reason, { hint: `check the credentials of targets.${target}; its deliveries wait for the next run` });
}
