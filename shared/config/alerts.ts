import { type AlertConfig, AlertConfigSchema } from '../model/alert-config.ts';

export const DEFAULT_ALERT_CONFIG: AlertConfig = AlertConfigSchema.parse({});

/**
 * For replaying a sample (the demo, the pipeline tests): its old items alert as if just
 * published, the first time they are read, at any hour.
 */
export const REPLAY_ALERT_CONFIG: AlertConfig = {
  ...DEFAULT_ALERT_CONFIG,
  quietHours: null,
  quietFirstRead: false,
  maxAlertAgeHours: null,
};
