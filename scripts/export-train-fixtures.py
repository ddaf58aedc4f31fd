#!/usr/bin/python3
"""Exports small real architectures from PyTorch with reference gradients, for the training tests.

Run from the repository root with Debian's torch, torchvision and onnx (the tests do not need them):

    apt-get install -y python3-torch python3-torchvision python3-onnx
    /usr/bin/python3 scripts/export-train-fixtures.py [name ...]   # all fixtures when none named

For each fixture it writes __tests__/fixtures/train-torch/<name>.onnx and <name>.json. The JSON
describes the input batch x and a fixed projection R of the output (both made by `pattern`, which
the test repeats), and holds PyTorch autograd's gradients of L = sum(Y * R), in float64, for a
sample of elements of every parameter (at most 24 per tensor, picked with a seeded generator;
indices into the flattened tensor), each gradient's L2 norm, and the norm PyTorch gets in float32. The forward
pass runs in training mode (BatchNorm on batch statistics, as the training step does) with
dropout 0, so the graph's forward is deterministic.

Exports keep parameter names (do_constant_folding=False, so no weight is pre-transposed or
folded into a Conv) and BatchNormalization nodes as inference nodes (TrainingMode.PRESERVE on
a model in eval mode: no Conv+BN fusion). Old-opset fixtures (opset 9) get their weights moved
into Constant nodes, as PaddlePaddle and other old exporters write them.
"""
import json
import os
import sys

import numpy as np
import onnx
import torch
import torchvision
from onnx import helper, numpy_helper
from torch import nn

OUT = os.path.join("__tests__", "fixtures", "train-torch")
SAMPLES = 24


class LayerNormMlp(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(8, 16)
        self.norm = nn.LayerNorm(16)
        self.fc2 = nn.Linear(16, 3)

    def forward(self, x):
        return self.fc2(torch.relu(self.norm(self.fc1(x))))


class Encoder(nn.Module):
    """nn.TransformerEncoder, 2 layers, width reduced from 64 to 16 (2 heads), dropout 0."""

    def __init__(self):
        super().__init__()
        layer = nn.TransformerEncoderLayer(d_model=16, nhead=2, dim_feedforward=32, dropout=0.0)
        self.encoder = nn.TransformerEncoder(layer, num_layers=2, enable_nested_tensor=False)
        self.head = nn.Linear(16, 3)

    def forward(self, x):
        return self.head(self.encoder(x))


class Block(nn.Module):
    """A MobileNetV3-style block: expand, depthwise 3x3, squeeze-excite, project, residual."""

    def __init__(self, c=8, e=16):
        super().__init__()
        self.expand = nn.Conv2d(c, e, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(e)
        self.dw = nn.Conv2d(e, e, 3, padding=1, groups=e, bias=False)
        self.bn2 = nn.BatchNorm2d(e)
        self.se1 = nn.Conv2d(e, 4, 1)
        self.se2 = nn.Conv2d(4, e, 1)
        self.grouped = nn.Conv2d(e, e, 3, padding=1, stride=2, groups=4)
        self.project = nn.Conv2d(e, c, 1, bias=False)
        self.bn3 = nn.BatchNorm2d(c)
        self.head = nn.Linear(c, 3)

    def forward(self, x):
        y = nn.functional.hardswish(self.bn1(self.expand(x)))
        y = torch.relu(self.bn2(self.dw(y)))
        s = nn.functional.adaptive_avg_pool2d(y, 1)
        y = y * nn.functional.hardsigmoid(self.se2(torch.relu(self.se1(s))))
        y = self.bn3(self.project(self.grouped(y)))
        y = y + x[:, :, ::2, ::2]
        return self.head(torch.flatten(nn.functional.adaptive_avg_pool2d(y, 1), 1))


class OldMlp(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(6, 12)
        self.fc2 = nn.Linear(12, 4)

    def forward(self, x):
        return torch.softmax(self.fc2(torch.tanh(self.fc1(x))), dim=1)


class Recurrent(nn.Module):
    """nn.LSTM / nn.GRU / nn.RNN (exported as ONNX LSTM, GRU, RNN nodes) and a linear head."""

    def __init__(self, cell, **kw):
        super().__init__()
        self.rnn = cell(input_size=5, hidden_size=6, **kw)
        width = 12 if kw.get("bidirectional") else 6
        self.head = nn.Linear(width, 3)

    def forward(self, x):
        y, _ = self.rnn(x)
        return self.head(y)


class EncoderDecoder(nn.Module):
    """A tiny image-to-image encoder-decoder: Conv, InstanceNorm2d, a strided Conv down, then
    ConvTranspose, nn.Upsample nearest and bilinear (align_corners False and True) back up,
    and a reflection-padded output Conv (ONNX ConvTranspose, Resize, InstanceNormalization,
    Pad reflect)."""

    def __init__(self):
        super().__init__()
        self.enc = nn.Conv2d(3, 8, 3, padding=1)
        self.norm = nn.InstanceNorm2d(8, affine=True)
        self.down = nn.Conv2d(8, 8, 3, stride=2, padding=1)
        self.up = nn.ConvTranspose2d(8, 6, 3, stride=2, padding=1, output_padding=1)
        self.norm2 = nn.InstanceNorm2d(6, affine=True)
        self.nearest = nn.Upsample(scale_factor=2, mode="nearest")
        self.mid = nn.Conv2d(6, 4, 3, padding=1, stride=2)
        self.bilinear = nn.Upsample(scale_factor=2, mode="bilinear", align_corners=False)
        self.corners = nn.Upsample(size=(12, 10), mode="bilinear", align_corners=True)
        self.out = nn.Sequential(nn.ReflectionPad2d(1), nn.Conv2d(4, 2, 3))

    def forward(self, x):
        y = torch.relu(self.norm(self.enc(x)))
        y = torch.relu(self.down(y))
        y = torch.relu(self.norm2(self.up(y)))
        y = self.mid(self.nearest(y))
        return self.out(self.corners(self.bilinear(y)))


def mobilenet_v3_small():
    from torchvision.models.mobilenetv3 import MobileNetV3, _mobilenet_v3_conf

    setting, last = _mobilenet_v3_conf("mobilenet_v3_small", width_mult=0.25)
    return MobileNetV3(setting, 64, num_classes=3, dropout=0.0)


def weights_to_constants(model: onnx.ModelProto) -> None:
    """Moves every float initializer into a Constant node (the old-exporter layout)."""
    g = model.graph
    consts = []
    for t in g.initializer:
        if t.data_type == onnx.TensorProto.FLOAT:
            consts.append(helper.make_node("Constant", [], [t.name], value=t, name=f"const_{t.name}"))
    kept = [t for t in g.initializer if t.data_type != onnx.TensorProto.FLOAT]
    del g.initializer[:]
    g.initializer.extend(kept)
    names = {c.output[0] for c in consts}
    kept_inputs = [i for i in g.input if i.name not in names]
    del g.input[:]
    g.input.extend(kept_inputs)
    nodes = consts + list(g.node)
    del g.node[:]
    g.node.extend(nodes)


def pattern(shape, prime):
    """Deterministic data both sides can make: element i is ((i * prime) mod 1000) / 500 - 1,
    computed in float64 and rounded to float32 (so the fixtures need not store the batch)."""
    n = int(np.prod(shape))
    i = np.arange(n, dtype=np.float64)
    v = np.mod(i * prime, 1000.0) / 500.0 - 1.0
    return torch.from_numpy(v.astype(np.float32).reshape(shape))


def export(name, model, opset, x_shape, constants=False):
    x = pattern(x_shape, 7919)
    torch.manual_seed(1)
    # Perturb every parameter: no two are equal (the exporter merges equal initializers, e.g.
    # the fresh LayerNorm biases of two layers) and norms get non-trivial scales and shifts.
    with torch.no_grad():
        for p in model.parameters():
            p.add_(0.1 * torch.randn(p.shape))
    model.eval()
    path = os.path.join(OUT, f"{name}.onnx")
    torch.onnx.export(
        model,
        (x,),
        path,
        opset_version=opset,
        do_constant_folding=False,
        training=torch.onnx.TrainingMode.PRESERVE,
        input_names=["x"],
        output_names=["y"],
    )
    proto = onnx.load(path)
    if constants:
        weights_to_constants(proto)
    onnx.save(proto, path)

    # Reference gradients: training-mode forward (batch statistics), L = sum(Y * R), computed in
    # float64 (the exact gradient up to float64 rounding); the float32 gradient norms PyTorch
    # itself gets are kept too, as the scale of float32 rounding for this architecture.
    for m in model.modules():
        if isinstance(m, nn.modules.batchnorm._BatchNorm):
            m.track_running_stats = True
    gen = torch.Generator().manual_seed(3)
    norms32 = {}
    for dtype in (torch.float32, torch.float64):
        model.to(dtype)
        model.train()
        y = model(x.to(dtype))
        r = pattern(y.shape, 104729).to(dtype)
        model.zero_grad()
        (y * r).sum().backward()
        if dtype == torch.float32:
            norms32 = {n: float(p.grad.norm()) for n, p in model.named_parameters()}
    params = {}
    onnx_names = {t.name for t in proto.graph.initializer} | {
        n.output[0] for n in proto.graph.node if n.op_type == "Constant"
    }
    for pname, p in model.named_parameters():
        if pname not in onnx_names:
            raise SystemExit(f"{name}: parameter {pname} is not a named ONNX tensor")
        g = p.grad.detach().reshape(-1)
        idx = torch.randperm(g.numel(), generator=gen)[: min(SAMPLES, g.numel())].sort().values
        params[pname] = {
            "dims": list(p.shape),
            "indices": idx.tolist(),
            "values": [float(v) for v in g[idx]],
            "norm": float(g.norm()),
            "float32Norm": norms32[pname],
        }
    ops = sorted({n.op_type for n in proto.graph.node})
    with open(os.path.join(OUT, f"{name}.json"), "w") as f:
        json.dump(
            {
                "model": f"{name}.onnx",
                "opset": opset,
                "torch": torch.__version__,
                "torchvision": torchvision.__version__,
                "ops": ops,
                "x": {"dims": list(x.shape), "prime": 7919},
                "r": {"dims": list(r.shape), "prime": 104729},
                "gradients": params,
            },
            f,
        )
    print(name, os.path.getsize(path), "bytes;", "ops:", " ".join(ops))


FIXTURES = {
    "layernorm-mlp": lambda: export("layernorm-mlp", LayerNormMlp(), 13, (4, 8)),
    "transformer-encoder": lambda: export("transformer-encoder", Encoder(), 13, (5, 2, 16)),
    "mobile-block": lambda: export("mobile-block", Block(), 13, (2, 8, 8, 8)),
    "mobilenet-v3-small": lambda: export("mobilenet-v3-small", mobilenet_v3_small(), 13, (8, 3, 32, 32)),
    "opset9-constants": lambda: export("opset9-constants", OldMlp(), 9, (4, 6), constants=True),
    # Recurrent layers: sequence 4, batch 3, 5 features (time-major unless batch_first).
    "lstm": lambda: export("lstm", Recurrent(nn.LSTM, num_layers=2), 13, (4, 3, 5)),
    "gru": lambda: export("gru", Recurrent(nn.GRU, bidirectional=True, batch_first=True), 13, (3, 4, 5)),
    "rnn": lambda: export("rnn", Recurrent(nn.RNN, bidirectional=True), 13, (4, 3, 5)),
    "encoder-decoder": lambda: export("encoder-decoder", EncoderDecoder(), 13, (2, 3, 8, 8)),
}


def main():
    """Exports every fixture, or only those named on the command line."""
    os.makedirs(OUT, exist_ok=True)
    torch.set_num_threads(1)
    for name in sys.argv[1:] or FIXTURES:
        torch.manual_seed(0)
        FIXTURES[name]()


if __name__ == "__main__":
    main()
