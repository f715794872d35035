// Turns whatever a connector threw into one line the user can act on.
import { ChannelError, isOrdersyncError } from '../errors.js';
import { isHttpError } from '../http/index.js';

export function channelFailure(channel: string, error: unknown): Error {
  if (isOrdersyncError(error)) return error;
  if (isHttpError(error)) {
    if (error.status === 401 || error.status === 403) {
      return new ChannelError(channel, 'channel_unauthorized', error.message, { cause: error, hint: `check the credentials of channels.${channel} in the config` });
    }
    if (error.failure === 'network' || error.failure === 'timeout') {
      return new ChannelError(channel, 'channel_unreachable', error.message, { cause: error, hint: `check channels.${channel}'s URL and that the service is up` });
    }
    if (error.failure === 'insecure') return new ChannelError(channel, 'channel_insecure', error.message, { cause: error });
    return new ChannelError(channel, 'channel_failed', error.message, { cause: error, hint: 'the run saved everything up to the last good page; run it again later' });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ChannelError(channel, 'channel_failed', message, { cause: error, hint: 'the run saved everything up to the last good page' });
}
