#!/usr/bin/python3
"""Exports small real models from PyTorch to ONNX, as third-party fixtures for the analysis.

Run from the repository root with Debian's torch and onnx (not needed by the tests):

    apt-get install -y python3-torch python3-onnx
    /usr/bin/python3 scripts/export-torch-models.py

Writes __tests__/fixtures/models/torch/*.onnx and models.json. models.json records, per model,
the parameter count PyTorch itself reports (sum of p.numel() over model.parameters()), an
independent count of ONNX weight elements made with the onnx Python package (initializers,
sparse initializers, Constant nodes, recursively in subgraphs: the rule of docs/flops.md) and
of the part of it in Constant nodes (the exporter's shape and index constants), the
input shapes the tests use, and the exporter versions. Seeded, but the bytes depend on the
torch version, so the tests read the .onnx files rather than regenerating them.
"""
import json
import os
import sys

import numpy as np
import onnx
import torch
from onnx import numpy_helper
from torch import nn

OUT = os.path.join("__tests__", "fixtures", "models", "torch")
OPSET = 17


class Lstm(nn.Module):
    """Two-layer LSTM with explicit state inputs (h0, c0) and state outputs."""

    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(input_size=8, hidden_size=16, num_layers=2)
        self.head = nn.Linear(16, 4)

    def forward(self, x, h0, c0):
        y, (h, c) = self.lstm(x, (h0, c0))
        return self.head(y), h, c


class Gru(nn.Module):
    """Bidirectional batch-first GRU with a state input."""

    def __init__(self):
        super().__init__()
        self.gru = nn.GRU(input_size=6, hidden_size=10, batch_first=True, bidirectional=True)

    def forward(self, x, h0):
        y, h = self.gru(x, h0)
        return y, h


class TwoInputs(nn.Module):
    """Token ids (int64) through an embedding, plus dense features."""

    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(100, 16)
        self.dense = nn.Linear(4, 16)
        self.head = nn.Linear(32, 3)

    def forward(self, tokens, features):
        e = self.embed(tokens).mean(dim=1)
        d = torch.relu(self.dense(features))
        return self.head(torch.cat([e, d], dim=1))


class ConvDynamic(nn.Module):
    """Encoder/decoder convolution net for any (even) H, W: Conv, strided Conv, ConvTranspose."""

    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(3, 8, 3, padding=1)
        self.c2 = nn.Conv2d(8, 16, 3, stride=2, padding=1)
        self.up = nn.ConvTranspose2d(16, 8, 2, stride=2)
        self.out = nn.Conv2d(8, 1, 1)

    def forward(self, x):
        h = torch.relu(self.c1(x))
        h = torch.relu(self.c2(h))
        h = torch.relu(self.up(h))
        return torch.sigmoid(self.out(h))


class ControlFlow(nn.Module):
    """Scripted: a data-dependent number of steps (Loop) and a data-dependent branch (If)."""

    def __init__(self):
        super().__init__()
        self.step = nn.Linear(8, 8)
        self.pos = nn.Linear(8, 2)
        self.neg = nn.Linear(8, 2)

    def forward(self, x, steps: torch.Tensor):
        h = x
        for _ in range(int(steps)):
            h = torch.tanh(self.step(h))
        if bool(h.sum() > 0):
            out = self.pos(h)
        else:
            out = self.neg(h)
        return out


class Encoder(nn.Module):
    """One transformer encoder layer (self-attention, feed-forward, LayerNorm), batch first."""

    def __init__(self):
        super().__init__()
        self.layer = nn.TransformerEncoderLayer(d_model=32, nhead=4, dim_feedforward=64, dropout=0.0, batch_first=True)

    def forward(self, x):
        return self.layer(x)


def onnx_weight_elements(model, constants_only=False):
    """Counts weight elements the way docs/flops.md defines them, with the onnx package
    (only those in Constant nodes when constants_only)."""

    def tensor_elements(t):
        return int(np.prod(t.dims)) if len(t.dims) else 1

    def graph_elements(g):
        n = 0
        if not constants_only:
            n += sum(tensor_elements(t) for t in g.initializer)
            n += sum(int(np.prod(s.dims)) for s in g.sparse_initializer)
        for node in g.node:
            for a in node.attribute:
                if node.op_type == "Constant" and node.domain in ("", "ai.onnx"):
                    if a.name == "value":
                        n += tensor_elements(a.t)
                    elif a.name == "sparse_value":
                        n += int(np.prod(a.sparse_tensor.dims))
                    elif a.name in ("value_float", "value_int", "value_string"):
                        n += 1
                    elif a.name == "value_floats":
                        n += len(a.floats)
                    elif a.name == "value_ints":
                        n += len(a.ints)
                    elif a.name == "value_strings":
                        n += len(a.strings)
                if a.type == onnx.AttributeProto.GRAPH:
                    n += graph_elements(a.g)
                for sub in a.graphs:
                    n += graph_elements(sub)
        return n

    return graph_elements(model.graph)


def main():
    torch.manual_seed(0)
    os.makedirs(OUT, exist_ok=True)
    specs = [
        ("lstm-state", Lstm(), (torch.randn(5, 2, 8), torch.zeros(2, 2, 16), torch.zeros(2, 2, 16)),
         ["x", "h0", "c0"], ["y", "h_n", "c_n"],
         {"x": {0: "T", 1: "N"}, "h0": {1: "N"}, "c0": {1: "N"}, "y": {0: "T", 1: "N"}},
         {"x": [5, 2, 8], "h0": [2, 2, 16], "c0": [2, 2, 16]}, False),
        ("gru-bidirectional", Gru(), (torch.randn(2, 7, 6), torch.zeros(2, 2, 10)),
         ["x", "h0"], ["y", "h_n"],
         {"x": {0: "N", 1: "T"}, "h0": {1: "N"}, "y": {0: "N", 1: "T"}},
         {"x": [2, 7, 6], "h0": [2, 2, 10]}, False),
        ("embedding-two-inputs", TwoInputs(), (torch.randint(0, 100, (2, 9)), torch.randn(2, 4)),
         ["tokens", "features"], ["logits"],
         {"tokens": {0: "N", 1: "T"}, "features": {0: "N"}, "logits": {0: "N"}},
         {"tokens": [2, 9], "features": [2, 4]}, False),
        ("conv-dynamic-hw", ConvDynamic(), (torch.randn(1, 3, 16, 16),),
         ["image"], ["mask"],
         {"image": {0: "N", 2: "H", 3: "W"}, "mask": {0: "N", 2: "H", 3: "W"}},
         {"image": [1, 3, 16, 12]}, False),
        ("control-flow-scripted", ControlFlow(), (torch.randn(3, 8), torch.tensor(4)),
         ["x", "steps"], ["out"],
         {"x": {0: "N"}, "out": {0: "N"}},
         {"x": [3, 8], "steps": []}, True),
        ("transformer-encoder", Encoder(), (torch.randn(2, 6, 32),),
         ["x"], ["y"],
         {"x": {0: "N", 1: "T"}, "y": {0: "N", 1: "T"}},
         {"x": [2, 6, 32]}, False),
    ]
    index = {
        "generator": "scripts/export-torch-models.py",
        "torch": torch.__version__,
        "onnx": onnx.__version__,
        "opset": OPSET,
        "models": {},
    }
    for name, module, args, inputs, outputs, dynamic, test_shapes, script in specs:
        module.eval()
        # Perturb every parameter, as training would: freshly initialised LayerNorm weights (all
        # ones) and zero biases are identical tensors, which the exporter stores only once; that
        # would make the ONNX weight count differ from PyTorch's for a reason unrelated to us.
        with torch.no_grad():
            for p in module.parameters():
                p.add_(torch.randn_like(p) * 0.01)
        exported = torch.jit.script(module) if script else module
        path = os.path.join(OUT, name + ".onnx")
        # Exported with autograd on: in eval mode under no_grad, TransformerEncoderLayer takes
        # its fused "fast path" (aten::_transformer_encoder_layer_fwd), which has no ONNX export.
        torch.onnx.export(exported, args, path, input_names=inputs, output_names=outputs,
                          dynamic_axes=dynamic, opset_version=OPSET, do_constant_folding=True)
        m = onnx.load(path)
        onnx.checker.check_model(m)
        ops = sorted({n.op_type for n in m.graph.node})
        index["models"][name + ".onnx"] = {
            "torchParameters": sum(p.numel() for p in module.parameters()),
            "onnxWeightElements": onnx_weight_elements(m),
            "onnxConstantNodeElements": onnx_weight_elements(m, constants_only=True),
            "testShapes": test_shapes,
            "ops": ops,
            "bytes": os.path.getsize(path),
        }
        print(f"{name}: {index['models'][name + '.onnx']}", file=sys.stderr)
    with open(os.path.join(OUT, "models.json"), "w") as f:
        json.dump(index, f, indent=2, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
