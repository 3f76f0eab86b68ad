import { EventLoop, type ExceptionHandler } from '@asyncio-ts/core-loop';
import { VirtualClock } from '@asyncio-ts/timers';
import { type Print, typeName, ValueError } from '../../src/pyfmt.js';

export default function (print: Print): void {
  const loop = new EventLoop({ clock: new VirtualClock() });
  const handler: ExceptionHandler = (loop_, ctx) => {
    print('handler: same loop:', loop_ === loop);
    print('message starts:', ctx.message.split(' ').slice(0, 3));
    print('exception:', typeName(ctx.exception), ctx.exception);
    print('has handle:', ctx.handle !== undefined);
  };
  const boom = () => {
    throw new ValueError('boom');
  };
  print('default handler set:', loop.getExceptionHandler() === null);
  loop.setExceptionHandler(handler);
  print('handler set:', loop.getExceptionHandler() === handler);
  loop.callSoon(boom);
  loop.callSoon(print, 'next callback still runs');
  loop.callLater(0.01, boom);
  loop.callLater(0.02, () => loop.stop());
  loop.runForever();
  loop.setExceptionHandler(null);
  print('handler reset:', loop.getExceptionHandler() === null);
  loop.close();
}
