"""Models for 1×28×28 digits and 10 classes: named blocks layer1..layerN and a classifier ``fc``.

- ``resnet18``: torchvision's ResNet18 (random init) with the stem changed for small images: a
  3×3 stride-2 ``conv1`` taking 1 channel (instead of 7×7 stride-2 on 3 channels) and no
  max-pool, so layer1..layer4 see 14, 7, 4 and 2 pixels (the stock stem would leave layer4 a
  single pixel); ``fc`` has 10 outputs. 11.2 M parameters, ~130 samples/s of training on 2 CPU
  cores.
- ``cnn``: two conv-BN-ReLU-pool blocks and a linear classifier (≈ 20 k parameters).
- ``mlp``: 784 → 256 → 128 → 10 (≈ 235 k parameters).
"""

from __future__ import annotations

import torch
from torch import nn

from studylog.errors import UserError
from studylog.words import say


def resnet18(num_classes: int = 10) -> nn.Module:
    """torchvision's resnet18 adapted to 1×28×28 inputs and ``num_classes`` outputs."""
    from torchvision.models import resnet18 as tv_resnet18

    model = tv_resnet18(weights=None, num_classes=num_classes)
    model.conv1 = nn.Conv2d(1, 64, kernel_size=3, stride=2, padding=1, bias=False)
    model.maxpool = nn.Identity()
    return model


class SmallCNN(nn.Module):
    """conv(16)-BN-ReLU-pool, conv(32)-BN-ReLU-pool, linear classifier."""

    def __init__(self, num_classes: int = 10) -> None:
        super().__init__()
        self.layer1 = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1, bias=False), nn.BatchNorm2d(16), nn.ReLU(),
            nn.MaxPool2d(2),
        )
        self.layer2 = nn.Sequential(
            nn.Conv2d(16, 32, 3, padding=1, bias=False), nn.BatchNorm2d(32), nn.ReLU(),
            nn.MaxPool2d(2),
        )
        self.fc = nn.Linear(32 * 7 * 7, num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Logits for a batch of N×1×28×28 images."""
        return self.fc(torch.flatten(self.layer2(self.layer1(x)), 1))


class MLP(nn.Module):
    """Two hidden ReLU layers on the flattened image."""

    def __init__(self, num_classes: int = 10) -> None:
        super().__init__()
        self.layer1 = nn.Sequential(nn.Flatten(), nn.Linear(28 * 28, 256), nn.ReLU())
        self.layer2 = nn.Sequential(nn.Linear(256, 128), nn.ReLU())
        self.fc = nn.Linear(128, num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Logits for a batch of N×1×28×28 images."""
        return self.fc(self.layer2(self.layer1(x)))


def build(name: str, num_classes: int = 10) -> nn.Module:
    """A fresh model by name (UserError for an unknown one)."""
    if name == "resnet18":
        return resnet18(num_classes)
    if name == "cnn":
        return SmallCNN(num_classes)
    if name == "mlp":
        return MLP(num_classes)
    raise UserError(say(f"모르는 model입니다: {name!r} (resnet18, cnn, mlp 중 하나를 고르세요)",
                        f"unknown model {name!r}; choose one of: resnet18, cnn, mlp"))
