"""PyTorch reference for bench/train-step.ts: the example classifier's training step.

Same network (784 -> 128 ReLU -> 64 ReLU -> 1 Sigmoid), batch 32, binary cross-entropy on
probabilities, Adam (lr 1e-3, betas 0.9/0.999, eps 1e-8), one thread, float32; against an
inference pass of the same batch (torch.no_grad()). A sanity reference only: Debian's
python3-torch links a generic BLAS, so its absolute times are not onnxruntime's.

Method: process CPU time (user + system), as bench/train-step.ts compares CPU times: with one
thread it is steadier than wall time on a shared machine. After warm-up, rounds alternate a block of inference passes and a block of training
steps (ABBA order across rounds, so a busy machine's load falls on both alike); per round the
mean time per call of each; the medians over rounds are reported.

Run with Debian's interpreter (the pyenv python on PATH has no torch):
    apt-get install -y python3-torch
    /usr/bin/python3 bench/train_step_torch.py [--rounds 10] [--calls 200] [--json]
"""
import argparse
import json
import statistics
import time

import torch


def interleaved_rounds(train_step, infer, rounds: int, calls: int) -> tuple[list[float], list[float]]:
    """Per round, the mean CPU milliseconds per call of a block of steps and a block of inference
    passes, in ABBA order across rounds. Returns (step_ms, infer_ms), one entry per round."""

    def block(fn) -> float:
        t0 = time.process_time()
        for _ in range(calls):
            fn()
        return (time.process_time() - t0) / calls * 1e3

    step_ms: list[float] = []
    infer_ms: list[float] = []
    for r in range(rounds):
        order = [(infer, infer_ms), (train_step, step_ms)]
        if r % 2:
            order.reverse()
        for fn, sink in order:
            sink.append(block(fn))
    return step_ms, infer_ms


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--calls", type=int, default=200, help="calls per block")
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--json", action="store_true", help="print one JSON line")
    args = parser.parse_args()

    torch.set_num_threads(1)
    torch.manual_seed(20240601)
    model = torch.nn.Sequential(
        torch.nn.Linear(784, 128), torch.nn.ReLU(),
        torch.nn.Linear(128, 64), torch.nn.ReLU(),
        torch.nn.Linear(64, 1), torch.nn.Sigmoid(),
    )
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-8)
    loss_fn = torch.nn.BCELoss()
    x = torch.randn(args.batch, 784)
    y = (torch.rand(args.batch, 1) < 0.5).float()

    def train_step() -> None:
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()

    def infer() -> None:
        with torch.no_grad():
            model(x)

    for _ in range(100):
        train_step()
        infer()

    step_ms, infer_ms = interleaved_rounds(train_step, infer, args.rounds, args.calls)

    result = {
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "batch": args.batch,
        "stepMs": statistics.median(step_ms),
        "inferenceMs": statistics.median(infer_ms),
    }
    result["ratio"] = result["stepMs"] / result["inferenceMs"]
    if args.json:
        print(json.dumps(result))
    else:
        print(f"PyTorch {result['torch']} (1 thread, batch {args.batch}): training step {result['stepMs']:.3f} ms, "
              f"inference {result['inferenceMs']:.3f} ms, ratio {result['ratio']:.2f}x "
              f"(medians of {args.rounds} rounds x {args.calls} calls)")


if __name__ == "__main__":
    main()
