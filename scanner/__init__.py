"""Serial barcode scanners and scales. Qt-free; takes and returns plain values."""
