import {
  type Coroutine,
  currentTask,
  getRunningLoop,
  isCoroutine,
  run,
} from '@asyncio-ts/core-loop';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* child(): Coroutine<void> {
    const t = currentTask();
    print('in child:', t?.getName());
    yield* sleep(0);
    print('in child after a yield:', currentTask() === t);
  }
  function* main(): Coroutine<void> {
    const me = currentTask();
    if (me === null) throw new Error('no current task');
    me.setName('main-task');
    print('in main:', me.getName());
    const loop = getRunningLoop();
    loop.callSoon(() => print('in a callback:', currentTask()));
    const t = loop.createTask(child(), { name: 'child-task' });
    yield* t;
    print('back in main:', currentTask() === me);
    print("task's coroutine is a coroutine:", isCoroutine(t.getCoro()));
  }
  run(main, { clock: new VirtualClock() });
}
