"""Reading, extraction and alignment as tasks on a Dask cluster (`digest build --dask ADDRESS`).

The work of a build that can run anywhere is `pipeline.process_story`: a pure function of a
story's files. Here each story is one task on an existing `distributed` cluster (`ADDRESS` a
scheduler, such as `tcp://127.0.0.1:8786`), or on a `LocalCluster` of worker processes started
for the build (`--dask local`). Results come back in the stories' order, so the output is the
same bytes as a plain build's; rendering and writing stay in this process.

The workers read the content folder (and the cache folder) by the paths given here: they must see
the same files, on this machine or on a shared filesystem. `distributed` is an optional
dependency (`pip install digest[dask]`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import CancelledError
from contextlib import ExitStack
from typing import Any

from digest.errors import InputError

#: Seconds to wait for a scheduler's first worker: a scheduler with none would never run a task.
WAIT_FOR_WORKERS = 10


def run_on_dask(address: str, function: Callable[..., Any], *columns: Sequence[Any],
                workers: int = 2) -> tuple[Iterator[Any], int, ExitStack]:
    """`function` over the zipped `columns` as tasks on the cluster at `address` (`local`: a
    LocalCluster of `workers` processes): the results in order, how many workers there are, and
    the stack that closes the client (and the local cluster) when the caller is done."""
    try:
        from distributed import Client, LocalCluster
        from distributed.scheduler import KilledWorker
    except ImportError:  # pragma: no cover - the extra is installed in tests
        raise InputError("--dask", "needs the 'distributed' package: pip install 'digest[dask]'") from None
    stack = ExitStack()
    try:
        try:
            if address == "local":
                cluster = stack.enter_context(LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                           dashboard_address=":0", host="127.0.0.1"))
                client = stack.enter_context(Client(cluster))
            else:
                client = stack.enter_context(Client(address, timeout="5s"))
        except (OSError, TimeoutError, ValueError) as exc:
            raise InputError("--dask", f"cannot reach the Dask scheduler at {address}: {exc}") from None
        try:
            client.wait_for_workers(1, timeout=WAIT_FOR_WORKERS)
        except TimeoutError:
            raise InputError("--dask", f"the Dask scheduler at {address} has no workers "
                                       f"(waited {WAIT_FOR_WORKERS} s)") from None
        count = len(client.scheduler_info().get("workers", {}))
        futures = client.map(function, *columns, pure=False)
    except BaseException:
        stack.close()  # a local cluster's workers never outlive a failed start
        raise

    def results() -> Iterator[Any]:
        for future in futures:
            try:
                yield future.result()
            except (CancelledError, OSError, TimeoutError) as exc:  # the scheduler or a worker went away
                raise InputError("--dask", f"the Dask cluster at {address} stopped during the build: "
                                           f"{type(exc).__name__}: {exc}") from None
            except KilledWorker as exc:
                raise InputError("--dask", f"a Dask worker died while reading a story: {exc}") from None

    return results(), count, stack
