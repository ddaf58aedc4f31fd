"""Exports torchvision 0.14 classifiers (10 classes, untrained, input [4, 3, 64, 64]) at opset 13
for bench/train-coverage.ts and bench/train-step.ts --model. Not used by the tests.

    /usr/bin/python3 bench/export_torchvision.py OUT_DIR [NAME ...]   (all ten when no names; the encoder always)

do_constant_folding=False and TrainingMode.PRESERVE on a model in eval mode keep BatchNorm
nodes (no Conv+BN fusion) and parameter names, as a model exported for training would have them.
"""
import os
import sys

import torch
import torchvision

NAMES = [
    "resnet18", "squeezenet1_1", "mobilenet_v2", "mobilenet_v3_small", "efficientnet_b0",
    "shufflenet_v2_x0_5", "mnasnet0_5", "regnet_x_400mf", "densenet121", "convnext_tiny",
]

out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/torchvision-onnx"
os.makedirs(out, exist_ok=True)
torch.manual_seed(0)
for name in NAMES if len(sys.argv) < 3 else [n for n in sys.argv[2:] if n in NAMES]:
    model = getattr(torchvision.models, name)(num_classes=10).eval()
    torch.onnx.export(
        model,
        (torch.randn(4, 3, 64, 64),),
        os.path.join(out, f"{name}.onnx"),
        opset_version=13,
        do_constant_folding=False,
        training=torch.onnx.TrainingMode.PRESERVE,
        input_names=["x"],
        output_names=["y"],
    )
    print(name, "exported", flush=True)

# The transformer encoder: nn.TransformerEncoder, 2 layers, d_model 64 (4 heads,
# feed-forward 256, dropout 0), input [16, 4, 64] (sequence, batch, features):
#   node scripts/run-ts.mjs bench/train-step.ts --model OUT_DIR/transformer_encoder64.onnx --model-input 16,4,64
layer = torch.nn.TransformerEncoderLayer(d_model=64, nhead=4, dim_feedforward=256, dropout=0.0)
encoder = torch.nn.TransformerEncoder(layer, num_layers=2, enable_nested_tensor=False).eval()
torch.onnx.export(
    encoder,
    (torch.randn(16, 4, 64),),
    os.path.join(out, "transformer_encoder64.onnx"),
    opset_version=13,
    do_constant_folding=False,
    input_names=["x"],
    output_names=["y"],
)
print("transformer_encoder64 exported", flush=True)
