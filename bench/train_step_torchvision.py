"""PyTorch reference for bench/train-step.ts --model: a torchvision classifier's training step
and inference pass, for the issue's "step time <= PyTorch's step time on the same machine, same
batch, one thread" (item 4c).

The model is built as bench/export_torchvision.py exports it (10 classes, untrained, seed 0),
in train mode for the step (BatchNorm updates its running statistics, as the ONNX step does)
and eval mode under torch.no_grad() for inference. Cross-entropy on random labels, SGD
(lr 1e-3) or Adam (lr 1e-3), one thread, float32, batch 4 of 3x64x64 by default.

Method: process CPU time (user + system), as bench/train-step.ts measures onnxruntime: with one
thread the computation runs on the calling thread, so CPU time is steadier than wall time on a
shared machine. After warm-up, rounds alternate a block of inference passes and a block of training
steps (ABBA order across rounds); per round the mean time per call of each; medians over
rounds are reported, with the lowest and highest round.

    /usr/bin/python3 bench/train_step_torchvision.py resnet18 [--rounds 5] [--calls 5]
        [--batch 4] [--size 64] [--optimizer sgd|adam] [--json]
"""
import argparse
import json
import statistics

import torch
import torchvision

from train_step_torch import interleaved_rounds  # same folder: the shared ABBA round design


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("name")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--calls", type=int, default=5, help="calls per block")
    parser.add_argument("--batch", type=int, default=4)
    parser.add_argument("--size", type=int, default=64)
    parser.add_argument("--optimizer", default="sgd", choices=["sgd", "adam"])
    parser.add_argument("--json", action="store_true", help="print one JSON line")
    args = parser.parse_args()

    torch.set_num_threads(1)
    torch.manual_seed(0)
    model = getattr(torchvision.models, args.name)(num_classes=10)
    params = [p for p in model.parameters() if p.requires_grad]
    opt = (torch.optim.SGD(params, lr=1e-3) if args.optimizer == "sgd"
           else torch.optim.Adam(params, lr=1e-3))
    loss_fn = torch.nn.CrossEntropyLoss()
    x = torch.randn(args.batch, 3, args.size, args.size)
    y = torch.randint(0, 10, (args.batch,))

    def train_step() -> None:
        model.train()
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()

    def infer() -> None:
        model.eval()
        with torch.no_grad():
            model(x)

    for _ in range(3):
        train_step()
        infer()

    step_ms, infer_ms = interleaved_rounds(train_step, infer, args.rounds, args.calls)

    result = {
        "torch": torch.__version__,
        "torchvision": torchvision.__version__,
        "model": args.name,
        "threads": torch.get_num_threads(),
        "batch": args.batch,
        "optimizer": args.optimizer,
        "stepMs": statistics.median(step_ms),
        "stepMsRange": [min(step_ms), max(step_ms)],
        "inferenceMs": statistics.median(infer_ms),
        "inferenceMsRange": [min(infer_ms), max(infer_ms)],
    }
    result["ratio"] = result["stepMs"] / result["inferenceMs"]
    if args.json:
        print(json.dumps(result))
    else:
        print(f"PyTorch {result['torch']} {args.name} (1 thread, batch {args.batch}, {args.size}x{args.size}, "
              f"{args.optimizer}): step {result['stepMs']:.2f} ms, inference {result['inferenceMs']:.2f} ms, "
              f"ratio {result['ratio']:.2f}x (medians of {args.rounds} rounds x {args.calls} calls)")


if __name__ == "__main__":
    main()
