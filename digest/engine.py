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
from contextlib import ExitStack
from typing import Any

from digest.errors import InputError


def run_on_dask(address: str, function: Callable[..., Any], *columns: Sequence[Any],
                workers: int = 2) -> tuple[Iterator[Any], int, ExitStack]:
    """`function` over the zipped `columns` as tasks on the cluster at `address` (`local`: a
    LocalCluster of `workers` processes): the results in order, how many workers there are, and
    the stack that closes the client (and the local cluster) when the caller is done."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - the extra is installed in tests
        raise InputError("--dask", "needs the 'distributed' package: pip install 'digest[dask]'") from None
    stack = ExitStack()
    try:
        if address == "local":
            cluster = stack.enter_context(LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                       dashboard_address=":0", host="127.0.0.1"))
            client = stack.enter_context(Client(cluster))
        else:
            client = stack.enter_context(Client(address, timeout="5s"))
    except (OSError, TimeoutError) as exc:
        stack.close()
        raise InputError("--dask", f"cannot reach the Dask scheduler at {address}: {exc}") from None
    count = len(client.scheduler_info().get("workers", {}))
    futures = client.map(function, *columns, pure=False)

    def results() -> Iterator[Any]:
        for future in futures:
            yield future.result()

    return results(), count, stack
