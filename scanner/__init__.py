"""Serial barcode scanners and scales (planned: issue 3). Qt-free; takes and returns plain values."""
