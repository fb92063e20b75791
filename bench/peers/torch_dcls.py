#!/usr/bin/env python3
"""The delay network of Snn's DelayTrainer, written independently in PyTorch.

Hammouamri, Khalfaoui-Hassani & Masquelier, ICLR 2024 (DCLS delays). Discrete time, one step per
input bin. Every synapse layer is a DCLS 1-D convolution with one Gaussian per synapse:
    g_j = e_j / (sum_j e_j + 1e-7),  e_j = exp(-((j - m - p) / sigma)^2 / 2),  c = K // 2,  m = K - 1 - c
    z[t, o] = sum_j sum_i W[i, o] g_j(i, o) x[t - (K - 1) + j, i]
Hidden layers: batch norm over batch and steps, LIF h[t] = v[t-1] * decay + y[t], spike
s = H(h - 1) with the ATan surrogate (alpha / 2) / (1 + (pi alpha x / 2)^2), reset v = h (1 - s)
with s detached, dropout (one mask per sample and neuron). Readout: non-spiking
v[t] = v[t-1] * decay + z[t]; loss CE(sum_t softmax(v[t]), y), mean over the batch.

Usage: torch_dcls.py DIR
DIR holds config.json, data.f32 ([samples, steps, inputs] float32), labels.i32 and params.f32
(per layer: weights [inputs, outputs], positions [inputs, outputs], float32, little-endian).
config.json's "mode" is "gradients" (one batch of every sample: writes gradients.f32, per layer
dW, dp, dgamma, dbeta, and prints loss=...) or "time" (training steps with AdamW on consecutive
batches; prints samples_per_second=...).
"""
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F


class AtanSpike(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, alpha):
        ctx.save_for_backward(x)
        ctx.alpha = alpha
        return (x >= 0).to(x.dtype)

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        a = ctx.alpha
        return grad * (a / 2) / (1 + (math.pi / 2 * a * x) ** 2), None


class DelayLayer(torch.nn.Module):
    def __init__(self, inputs, outputs, kernel, batch_norm, weights, positions):
        super().__init__()
        self.kernel = kernel
        self.weight = torch.nn.Parameter(torch.from_numpy(weights.reshape(inputs, outputs).copy()))
        self.position = torch.nn.Parameter(torch.from_numpy(positions.reshape(inputs, outputs).copy()))
        self.bn = torch.nn.BatchNorm1d(outputs, eps=1e-5, momentum=0.1) if batch_norm else None
        c = kernel // 2
        self.register_buffer("taps", (torch.arange(kernel, dtype=torch.float32) - (kernel - 1 - c)).view(kernel, 1, 1))
        self.low, self.high = float(-(kernel - 1 - c)), float(c)

    def conv_weight(self, sigma):
        e = torch.exp(-0.5 * ((self.taps - self.position) / sigma) ** 2)  # [K, I, O]
        g = e / (e.sum(0, keepdim=True) + 1e-7)
        return (self.weight * g).permute(2, 1, 0).contiguous()  # [O, I, K]

    def forward(self, x, sigma):  # x: [B, I, T]
        z = F.conv1d(F.pad(x, (self.kernel - 1, 0)), self.conv_weight(sigma))
        return self.bn(z) if self.bn is not None else z


class DelayNet(torch.nn.Module):
    def __init__(self, cfg, params):
        super().__init__()
        sizes = [cfg["inputs"]] + list(cfg["hidden"]) + [cfg["classes"]]
        layers, at = [], 0
        for l in range(len(sizes) - 1):
            n = sizes[l] * sizes[l + 1]
            w, p = params[at:at + n], params[at + n:at + 2 * n]
            at += 2 * n
            hidden = l < len(sizes) - 2
            layers.append(DelayLayer(sizes[l], sizes[l + 1], cfg["kernel"], hidden and cfg["batch_norm"], w, p))
        self.layers = torch.nn.ModuleList(layers)
        self.decay = float(np.float32(1 - 1 / cfg["tau"]))
        self.alpha = cfg["alpha"]
        self.dropout = cfg["dropout"]

    def forward(self, x, sigma):  # x: [B, T, I] -> per-step readout [B, C, T]
        x = x.transpose(1, 2)
        steps = x.shape[2]
        for layer in self.layers[:-1]:
            y = layer(x, sigma)
            v = torch.zeros_like(y[:, :, 0])
            out = []
            for t in range(steps):
                h = v * self.decay + y[:, :, t]
                s = AtanSpike.apply(h - 1, self.alpha)
                v = h * (1 - s.detach())
                out.append(s)
            x = torch.stack(out, dim=2)
            if self.dropout > 0:
                keep = 1 - self.dropout
                x = x * ((torch.rand(x.shape[0], x.shape[1], 1) < keep).to(x.dtype) / keep)
        z = self.layers[-1](x, sigma)
        v = torch.zeros_like(z[:, :, 0])
        out = []
        for t in range(steps):
            v = v * self.decay + z[:, :, t]
            out.append(v)
        return torch.stack(out, dim=2)


def loss_of(readout, labels):
    return F.cross_entropy(torch.softmax(readout, dim=1).sum(dim=2), labels)


def main(folder):
    with open(os.path.join(folder, "config.json")) as f:
        cfg = json.load(f)
    torch.set_num_threads(cfg.get("threads", 2))
    torch.manual_seed(cfg.get("seed", 0))
    steps, inputs = cfg["steps"], cfg["inputs"]
    data = torch.from_numpy(np.fromfile(os.path.join(folder, "data.f32"), dtype="<f4").reshape(-1, steps, inputs).copy())
    labels = torch.from_numpy(np.fromfile(os.path.join(folder, "labels.i32"), dtype="<i4").astype(np.int64))
    params = np.fromfile(os.path.join(folder, "params.f32"), dtype="<f4")
    net = DelayNet(cfg, params)
    sigma = cfg["sigma"]
    if cfg["mode"] == "gradients":
        loss = loss_of(net(data, sigma), labels)
        loss.backward()
        parts = []
        for layer in net.layers:
            parts += [layer.weight.grad.numpy().ravel(), layer.position.grad.numpy().ravel()]
            if layer.bn is not None:
                parts += [layer.bn.weight.grad.numpy().ravel(), layer.bn.bias.grad.numpy().ravel()]
        np.concatenate(parts).astype("<f4").tofile(os.path.join(folder, "gradients.f32"))
        print(f"loss={loss.item():.9g}")
        return
    batch = cfg["batch"]
    weights = [l.weight for l in net.layers] + [p for l in net.layers if l.bn is not None for p in l.bn.parameters()]
    optimiser = torch.optim.AdamW([{"params": weights[:len(net.layers)], "weight_decay": cfg.get("weight_decay", 1e-5)},
                                   {"params": weights[len(net.layers):], "weight_decay": 0.0}], lr=cfg.get("weight_lr", 5e-3))
    positions = torch.optim.Adam([l.position for l in net.layers], lr=cfg.get("position_lr", 0.1))

    def train_step(b):
        xb, yb = data[b * batch:(b + 1) * batch], labels[b * batch:(b + 1) * batch]
        optimiser.zero_grad()
        positions.zero_grad()
        loss_of(net(xb, sigma), yb).backward()
        optimiser.step()
        positions.step()
        with torch.no_grad():
            for l in net.layers:
                l.position.clamp_(l.low, l.high)

    count = data.shape[0] // batch
    train_step(0)  # warm-up: allocations, oneDNN primitive creation
    start = time.perf_counter()
    for b in range(count):
        train_step(b)
    seconds = time.perf_counter() - start
    print(f"samples_per_second={count * batch / seconds:.6g} seconds={seconds:.6g} batches={count}")


if __name__ == "__main__":
    main(sys.argv[1])
