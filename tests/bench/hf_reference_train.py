"""The reference for `vitscope-cli bench train` on a GPU: transformers' ViTForImageClassification
(ViT-B/16, attn_implementation="sdpa"), bf16 autocast, torch.optim.AdamW with the Trainer's
parameter groups, clip_grad_norm_ 1.0, the same synthetic batch for every step. The loop reads
nothing back per step, which is the most favourable case for the reference.

Usage: python3 hf_reference_train.py [--batch 128] [--steps 50] [--warmup 10] [--adamw foreach|fused]
                                      [--trace FILE]  (Chrome trace of 3 more steps, after the timing)
Prints one JSON line. Not part of vitscope: a benchmark aid for machines that have transformers.
"""
import argparse
import json
import time

import torch
import torch.nn.functional as F


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--steps", type=int, default=50)
    ap.add_argument("--warmup", type=int, default=10)
    ap.add_argument("--adamw", default="foreach", choices=["foreach", "fused"])
    ap.add_argument("--precision", default="bf16", choices=["bf16", "fp32"])
    ap.add_argument("--trace", default="")
    args = ap.parse_args()

    import transformers
    from transformers import ViTConfig, ViTForImageClassification

    torch.backends.cuda.matmul.allow_tf32 = True
    torch.backends.cudnn.allow_tf32 = True
    torch.manual_seed(0)
    config = ViTConfig(num_labels=8)  # the defaults are ViT-B/16 at 224
    try:
        model = ViTForImageClassification._from_config(config, attn_implementation="sdpa")
    except TypeError:
        config._attn_implementation = "sdpa"
        model = ViTForImageClassification(config)
    device = torch.device("cuda")
    model.to(device).train()
    decay, no_decay = [], []
    for name, p in model.named_parameters():
        (no_decay if name.endswith("bias") or "layernorm" in name else decay).append(p)
    groups = [{"params": decay, "weight_decay": 0.01}, {"params": no_decay, "weight_decay": 0.0}]
    if args.adamw == "fused":
        opt = torch.optim.AdamW(groups, lr=2e-5, fused=True)
    else:
        opt = torch.optim.AdamW(groups, lr=2e-5, foreach=True)
    x = torch.randn(args.batch, 3, 224, 224, device=device)
    y = torch.randint(0, 8, (args.batch,), device=device)
    bf16 = args.precision == "bf16"
    def step():
        with torch.autocast("cuda", dtype=torch.bfloat16, enabled=bf16):
            logits = model(pixel_values=x).logits
        loss = F.cross_entropy(logits.float(), y)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        opt.zero_grad(set_to_none=True)

    for _ in range(args.warmup):
        step()
    torch.cuda.synchronize()
    t0 = time.perf_counter()
    for _ in range(args.steps):
        step()
    torch.cuda.synchronize()
    seconds = time.perf_counter() - t0
    if args.trace:
        from torch.profiler import ProfilerActivity, profile
        with profile(activities=[ProfilerActivity.CPU, ProfilerActivity.CUDA]) as prof:
            for _ in range(3):
                step()
            torch.cuda.synchronize()
        prof.export_chrome_trace(args.trace)
    print(json.dumps({"reference": "transformers ViTForImageClassification", "transformers": transformers.__version__,
                      "torch": torch.__version__, "attn_implementation": model.config._attn_implementation,
                      "batch": args.batch, "precision": args.precision, "adamw": args.adamw, "steps": args.steps,
                      "device": torch.cuda.get_device_name(0),
                      "images_per_second": args.batch * args.steps / seconds}))


if __name__ == "__main__":
    main()
