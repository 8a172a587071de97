"""The CPU reference for `vitscope-cli bench train`: plain PyTorch training torchvision's ViT-B/16
(the same architecture at 224, 8 classes) with the recipe's step: cross-entropy, backward,
clip_grad_norm_ 1.0, torch.optim.AdamW (Trainer's parameter groups), on one synthetic batch,
with the same thread count. Prints one JSON line.

--precision bf16 runs the step under torch.autocast("cpu", dtype=torch.bfloat16) (fp32 master
weights); --freeze-last K trains only the last K encoder blocks, the final LayerNorm and the head
(requires_grad=False elsewhere; the frozen blocks are still computed every step, as a PyTorch user
who freezes them gets); --freeze-last 0 trains the head only.

--trace FILE writes a Chrome trace of 3 more steps' CPU operators (the legacy profiler, as
vitscope-cli bench train --trace on the CPU); cpu_op_summary.py sets the two side by side.

Usage: /usr/bin/python3 torch_reference_train.py [--batch 16] [--steps 4] [--warmup 1] [--threads 2]
                                                 [--precision fp32|bf16] [--freeze-last K] [--trace FILE]
Not part of vitscope: a benchmark aid (Debian's python3-torch and python3-torchvision).
"""
import argparse
import json
import time

import torch
import torch.nn.functional as F
import torchvision


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--steps", type=int, default=4)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--precision", choices=["fp32", "bf16"], default="fp32")
    ap.add_argument("--freeze-last", type=int, default=-1, help="train only the last K blocks (0: the head only)")
    ap.add_argument("--trace", help="write a Chrome trace of 3 more steps (CPU operators)")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    model = torchvision.models.vit_b_16(num_classes=8)
    model.train()
    if args.freeze_last >= 0:
        blocks = len(model.encoder.layers)
        trainable = ["heads."] + (["encoder.ln."] if args.freeze_last > 0 else [])
        trainable += [f"encoder.layers.encoder_layer_{i}." for i in range(blocks - args.freeze_last, blocks)]
        for name, p in model.named_parameters():
            p.requires_grad_(any(name.startswith(t) for t in trainable))
    decay, no_decay = [], []
    for name, p in model.named_parameters():
        if not p.requires_grad:
            continue
        parts = name.split(".")
        is_norm = len(parts) > 1 and parts[-2].startswith("ln")  # torchvision's LayerNorms: ln, ln_1, ln_2
        (no_decay if name.endswith("bias") or is_norm else decay).append(p)
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01}, {"params": no_decay, "weight_decay": 0.0}],
                            lr=2e-5)
    x = torch.randn(args.batch, 3, 224, 224)
    y = torch.randint(0, 8, (args.batch,))

    def step():
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=args.precision == "bf16"):
            logits = model(x)
        loss = F.cross_entropy(logits.float(), y)
        loss.backward()
        torch.nn.utils.clip_grad_norm_([p for p in model.parameters() if p.requires_grad], 1.0)
        opt.step()
        opt.zero_grad(set_to_none=True)

    for _ in range(args.warmup):
        step()
    t0 = time.perf_counter()
    for _ in range(args.steps):
        step()
    seconds = time.perf_counter() - t0
    if args.trace:
        with torch.autograd.profiler.profile(use_kineto=False) as prof:
            for _ in range(3):
                step()
        prof.export_chrome_trace(args.trace)
    print(json.dumps({"reference": "torchvision vit_b_16, plain PyTorch", "torch": torch.__version__,
                      "batch": args.batch, "threads": args.threads, "steps": args.steps, "precision": args.precision,
                      "freeze_last": args.freeze_last,
                      "images_per_second": args.batch * args.steps / seconds}))


if __name__ == "__main__":
    main()
