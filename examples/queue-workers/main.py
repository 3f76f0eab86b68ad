# The asyncio docs' Queue example ("Queues" page): three workers process a queue of sleeps.
# The only change: the 20 random.uniform(0.05, 1.0) sleeps are fixed (drawn once with
# random.seed(2024), rounded to milliseconds) so that both languages print the same lines.
import asyncio
import time

SLEEPS = [0.497, 0.742, 0.339, 0.893, 0.44, 0.731, 0.302, 0.283, 0.822, 0.523,
          0.445, 0.741, 0.965, 0.344, 0.719, 0.543, 0.745, 1.0, 0.246, 0.765]


async def worker(name, queue):
    while True:
        # Get a "work item" out of the queue.
        sleep_for = await queue.get()

        # Sleep for the "sleep_for" seconds.
        await asyncio.sleep(sleep_for)

        # Notify the queue that the "work item" has been processed.
        queue.task_done()

        print(f'{name} has slept for {sleep_for:.2f} seconds')


async def main():
    # Create a queue that we will use to store our "workload".
    queue = asyncio.Queue()

    # Generate random timings and put them into the queue.
    total_sleep_time = 0
    for sleep_for in SLEEPS:
        total_sleep_time += sleep_for
        queue.put_nowait(sleep_for)

    # Create three worker tasks to process the queue concurrently.
    tasks = []
    for i in range(3):
        task = asyncio.create_task(worker(f'worker-{i}', queue))
        tasks.append(task)

    # Wait until the queue is fully processed.
    started_at = time.monotonic()
    await queue.join()
    total_slept_for = time.monotonic() - started_at

    # Cancel our worker tasks.
    for task in tasks:
        task.cancel()
    # Wait until all worker tasks are cancelled.
    await asyncio.gather(*tasks, return_exceptions=True)

    print('====')
    print(f'3 workers slept in parallel for {total_slept_for:.2f} seconds')
    print(f'total expected sleep time: {total_sleep_time:.2f} seconds')


asyncio.run(main())
