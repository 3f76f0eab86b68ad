import { EventLoop } from '@asyncio-ts/core-loop';
import { VirtualClock } from '@asyncio-ts/timers';
import { type Print, typeName } from '../../src/pyfmt.js';

export default function (print: Print): void {
  const loop = new EventLoop({ clock: new VirtualClock() });
  loop.setExceptionHandler((_loop, ctx) => {
    const exception = ctx.exception ?? null;
    print(
      'handler got:',
      ctx.message,
      '| exception:',
      exception === null ? 'NoneType' : typeName(exception),
      exception,
    );
  });
  loop.callExceptionHandler({ message: 'custom message' });
  loop.callExceptionHandler({ message: 'with an exception', exception: new TypeError('k') });
  loop.close();
}
