#!/usr/bin/env python3
"""NumPy reference for `npm run bench`: the same workloads a researcher would script by hand.

Prints one JSON object per workload: {"workload","n","median_ms","min_ms","max_ms","rate"}.
The math mirrors src/engine/bench/workloads.ts (MoG-40 exact score, ULA, DDPM with the linear VP
schedule discretized as in src/core/schedules.ts, a 2+16 -> 128 -> 128 -> 2 SiLU MLP trained by DSM with Adam).
"""
import numpy as np

from bench_common import load_mog40, parse_args, run_workloads, time_it

MOG = load_mog40()
MEANS = np.asarray(MOG["means"], dtype=np.float32)  # [K,2]
VAR = np.float32(MOG["std"] ** 2)


def mog_score(x, a=1.0, s2=0.0):
    """exact score of the noised isotropic mixture: -sum_k g_k (x - a mu_k) / S"""
    S = np.float32(a * a * VAR + s2)
    d = x[:, None, :] - np.float32(a) * MEANS[None, :, :]  # [N,K,2]
    logw = -0.5 * np.einsum("nkd,nkd->nk", d, d) / S
    logw -= logw.max(axis=1, keepdims=True)
    g = np.exp(logw)
    g /= g.sum(axis=1, keepdims=True)
    return -np.einsum("nk,nkd->nd", g, d) / S


def mog_logprob(x):
    d = x[:, None, :] - MEANS[None, :, :]
    q = -0.5 * np.einsum("nkd,nkd->nk", d, d) / VAR
    m = q.max(axis=1, keepdims=True)
    return (m[:, 0] + np.log(np.exp(q - m).sum(axis=1))) - np.log(len(MEANS) * 2 * np.pi * VAR)


def linear_abar(T):
    t = np.arange(T + 1) / T
    log_abar = -(0.1 * t + 19.9 * t * t / 2)
    beta = np.minimum(1 - np.exp(log_abar[1:] - log_abar[:-1]), 0.999)
    return beta, np.cumprod(1 - beta)


def langevin(n, repeats, inner, rng):
    x = rng.standard_normal((n, 2)).astype(np.float32)
    h = np.float32(0.1)

    def run():
        nonlocal x
        for _ in range(inner):
            x = x + h * mog_score(x) + np.sqrt(2 * h) * rng.standard_normal((n, 2)).astype(np.float32)

    return time_it(run, repeats), inner, n


def ddpm(n, repeats, rng):
    T = 100
    beta, abar = linear_abar(T)

    def run():
        x = rng.standard_normal((n, 2)).astype(np.float32)
        for t in range(T, 0, -1):
            ab = abar[t - 1]
            ab_prev = abar[t - 2] if t > 1 else 1.0
            a, s2 = np.sqrt(ab), 1 - ab
            x0 = (x + s2 * mog_score(x, a, s2)) / a
            c1 = np.sqrt(ab_prev) * beta[t - 1] / (1 - ab)
            c2 = np.sqrt(1 - beta[t - 1]) * (1 - ab_prev) / (1 - ab)
            x = (c1 * x0 + c2 * x).astype(np.float32)
            if t > 1:
                var = beta[t - 1] * (1 - ab_prev) / (1 - ab)
                x = x + np.float32(np.sqrt(var)) * rng.standard_normal((n, 2)).astype(np.float32)

    return time_it(run, repeats), 1, n * T


def silu(z):
    return z / (1 + np.exp(-z))


def dsm_train(batch, repeats, inner, rng):
    """2 (+16 noise features) -> 128 -> 128 -> 2 MLP, SiLU, epsilon-prediction DSM loss, Adam."""
    sizes = [(18, 128), (128, 128), (128, 2)]
    W = [(rng.standard_normal(s) * np.sqrt(2 / s[0])).astype(np.float32) for s in sizes]
    B = [np.zeros(s[1], np.float32) for s in sizes]
    params = W + B
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    data = rng.standard_normal((4096, 2)).astype(np.float32)
    freqs = np.arange(1, 9, dtype=np.float32)
    step = [0]

    def train_step():
        x0 = data[rng.integers(0, len(data), batch)]
        log_sigma = rng.uniform(np.log(0.01), np.log(80), (batch, 1)).astype(np.float32)
        sigma = np.exp(log_sigma)
        a = 1 / np.sqrt(1 + sigma**2)
        s = sigma * a
        z = rng.standard_normal((batch, 2)).astype(np.float32)
        xt = a * x0 + s * z
        u = log_sigma * freqs[None, :] * 0.2
        inp = np.concatenate([xt, np.sin(u), np.cos(u)], axis=1)
        h1p = inp @ W[0] + B[0]
        h1 = silu(h1p)
        h2p = h1 @ W[1] + B[1]
        h2 = silu(h2p)
        out = h2 @ W[2] + B[2]
        g_out = 2 * (out - z) / (batch * 2)
        dsilu = lambda p: (1 / (1 + np.exp(-p))) * (1 + p * (1 - 1 / (1 + np.exp(-p))))
        gW2 = h2.T @ g_out
        gB2 = g_out.sum(0)
        g_h2 = (g_out @ W[2].T) * dsilu(h2p)
        gW1 = h1.T @ g_h2
        gB1 = g_h2.sum(0)
        g_h1 = (g_h2 @ W[1].T) * dsilu(h1p)
        gW0 = inp.T @ g_h1
        gB0 = g_h1.sum(0)
        grads = [gW0, gW1, gW2, gB0, gB1, gB2]
        step[0] += 1
        for i, (p, g) in enumerate(zip(params, grads)):
            m[i] = 0.9 * m[i] + 0.1 * g
            v[i] = 0.999 * v[i] + 0.001 * g * g
            mh = m[i] / (1 - 0.9 ** step[0])
            vh = v[i] / (1 - 0.999 ** step[0])
            p -= (1e-3 * mh / (np.sqrt(vh) + 1e-7)).astype(np.float32)

    def run():
        for _ in range(inner):
            train_step()

    return time_it(run, repeats), inner, 1


def grid(n, repeats):
    g = (np.arange(n) + 0.5) / n * 112 - 56
    xx, yy = np.meshgrid(g, g)
    pts = np.stack([xx.ravel(), yy.ravel()], 1).astype(np.float32)
    return time_it(lambda: (mog_logprob(pts), mog_score(pts)), repeats), 1, n * n


def main():
    a = parse_args()
    rng = np.random.default_rng(1)
    run_workloads(a, {
        "langevin-mog40": lambda n, repeats, inner: langevin(n, repeats, inner, rng),
        "ddpm-mog40": lambda n, repeats, inner: ddpm(n, repeats, rng),
        "dsm-train": lambda n, repeats, inner: dsm_train(n, repeats, inner, rng),
        "grid": lambda n, repeats, inner: grid(n, repeats),
    })


if __name__ == "__main__":
    main()
