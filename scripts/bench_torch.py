#!/usr/bin/env python3
"""PyTorch reference for `npm run bench`, beside the NumPy one: the same workloads written as a researcher would.

Samplers are plain tensor code under `torch.no_grad()`; `dsm-train` is an `nn.Module` trained with
`torch.optim.Adam` and autograd. Threads: every core the OS reports (PyTorch's own default counts physical cores only).
Prints one JSON object per workload: {"workload","n","median_ms","min_ms","max_ms","rate","threads","torch","blas"}.
"blas": the BLAS library the process loaded (Debian's python3-torch calls whichever libblas.so.3 the system
points to: the reference implementation is ~25x slower on a 1024x128x128 product than OpenBLAS).
The math mirrors scripts/bench_numpy.py and src/engine/bench/workloads.ts (float32 throughout).
"""
import math
import os

import torch

from bench_common import load_mog40, parse_args, run_workloads, time_it

MOG = load_mog40()
MEANS = torch.tensor(MOG["means"], dtype=torch.float32)  # [K,2]
VAR = float(MOG["std"]) ** 2


def mog_score(x, a=1.0, s2=0.0):
    """exact score of the noised isotropic mixture: -sum_k g_k (x - a mu_k) / S"""
    S = a * a * VAR + s2
    d = x[:, None, :] - a * MEANS[None, :, :]  # [N,K,2]
    g = torch.softmax(-0.5 * (d * d).sum(-1) / S, dim=1)
    return -(g[:, :, None] * d).sum(1) / S


def mog_logprob(x):
    d = x[:, None, :] - MEANS[None, :, :]
    q = -0.5 * (d * d).sum(-1) / VAR
    return torch.logsumexp(q, dim=1) - math.log(len(MEANS) * 2 * math.pi * VAR)


def linear_abar(T):
    t = torch.arange(T + 1, dtype=torch.float64) / T
    log_abar = -(0.1 * t + 19.9 * t * t / 2)
    beta = torch.clamp(1 - torch.exp(log_abar[1:] - log_abar[:-1]), max=0.999)
    return beta.tolist(), torch.cumprod(1 - beta, 0).tolist()


@torch.no_grad()
def langevin(n, repeats, inner, gen):
    x = torch.randn(n, 2, generator=gen)
    h = 0.1
    noise = math.sqrt(2 * h)

    def run():
        nonlocal x
        for _ in range(inner):
            x = x + h * mog_score(x) + noise * torch.randn(n, 2, generator=gen)

    return time_it(run, repeats), inner, n


@torch.no_grad()
def ddpm(n, repeats, gen):
    T = 100
    beta, abar = linear_abar(T)

    def run():
        x = torch.randn(n, 2, generator=gen)
        for t in range(T, 0, -1):
            ab = abar[t - 1]
            ab_prev = abar[t - 2] if t > 1 else 1.0
            a, s2 = math.sqrt(ab), 1 - ab
            x0 = (x + s2 * mog_score(x, a, s2)) / a
            c1 = math.sqrt(ab_prev) * beta[t - 1] / (1 - ab)
            c2 = math.sqrt(1 - beta[t - 1]) * (1 - ab_prev) / (1 - ab)
            x = c1 * x0 + c2 * x
            if t > 1:
                x = x + math.sqrt(beta[t - 1] * (1 - ab_prev) / (1 - ab)) * torch.randn(n, 2, generator=gen)

    return time_it(run, repeats), 1, n * T


class ScoreNet(torch.nn.Module):
    """2 (+16 noise features) -> 128 -> 128 -> 2 MLP with SiLU, predicting the noise"""

    def __init__(self):
        super().__init__()
        self.net = torch.nn.Sequential(
            torch.nn.Linear(18, 128), torch.nn.SiLU(), torch.nn.Linear(128, 128), torch.nn.SiLU(), torch.nn.Linear(128, 2)
        )
        self.register_buffer("freqs", torch.arange(1, 9, dtype=torch.float32))

    def forward(self, xt, log_sigma):
        u = log_sigma * self.freqs[None, :] * 0.2
        return self.net(torch.cat([xt, torch.sin(u), torch.cos(u)], dim=1))


def dsm_train(batch, repeats, inner, gen):
    model = ScoreNet()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    data = torch.randn(4096, 2, generator=gen)
    lo, hi = math.log(0.01), math.log(80)

    def train_step():
        x0 = data[torch.randint(0, len(data), (batch,), generator=gen)]
        log_sigma = lo + (hi - lo) * torch.rand(batch, 1, generator=gen)
        sigma = torch.exp(log_sigma)
        a = 1 / torch.sqrt(1 + sigma**2)
        z = torch.randn(batch, 2, generator=gen)
        xt = a * x0 + sigma * a * z
        loss = ((model(xt, log_sigma) - z) ** 2).mean()
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()

    def run():
        for _ in range(inner):
            train_step()

    return time_it(run, repeats), inner, 1


@torch.no_grad()
def grid(n, repeats):
    g = (torch.arange(n, dtype=torch.float32) + 0.5) / n * 112 - 56
    yy, xx = torch.meshgrid(g, g, indexing="ij")
    pts = torch.stack([xx.reshape(-1), yy.reshape(-1)], 1)
    return time_it(lambda: (mog_logprob(pts), mog_score(pts)), repeats), 1, n * n


def loaded_blas():
    """the file name of the BLAS this process mapped (reference libblas, OpenBLAS, MKL), or "?" """
    try:
        with open("/proc/self/maps") as f:
            libs = {l.split()[-1] for l in f if "blas" in l.lower() or "mkl" in l.lower()}
    except OSError:
        return "?"
    names = sorted(os.path.basename(p) for p in libs if "/" in p)
    if not names:
        return "?"
    if any("openblas" in n for n in names):
        return "openblas"
    if any("mkl" in n for n in names):
        return "mkl"
    return "reference" if any(n.startswith("libblas") for n in names) else names[0]


def main():
    a = parse_args(lambda ap: ap.add_argument("--threads", type=int, help="torch.set_num_threads; default: every core the OS reports"))
    # PyTorch's own default counts physical cores (1 on this 2-vCPU VM); a researcher's laptop run uses them all
    torch.set_num_threads(a.threads or os.cpu_count() or 1)
    gen = torch.Generator().manual_seed(1)
    run_workloads(a, {
        "langevin-mog40": lambda n, repeats, inner: langevin(n, repeats, inner, gen),
        "ddpm-mog40": lambda n, repeats, inner: ddpm(n, repeats, gen),
        "dsm-train": lambda n, repeats, inner: dsm_train(n, repeats, inner, gen),
        "grid": lambda n, repeats, inner: grid(n, repeats),
    }, extra=lambda: {"threads": torch.get_num_threads(), "torch": torch.__version__, "blas": loaded_blas()})


if __name__ == "__main__":
    main()
