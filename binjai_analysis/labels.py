"""Reader-facing Indonesian labels, kept in one place rather than scattered through pages."""

from __future__ import annotations

UNIT_LABELS = {"persen": "%", "ribu rupiah": "ribu Rp"}

KIND_LABELS = {
    "realisasi": "Tahun realisasi: target, realisasi dan anggaran",
    "rencana": "Tahun rencana: target dan anggaran (belum ada realisasi)",
}

COLUMN_LABELS = {
    "indicator": "Uraian",
    "unit": "Satuan",
    "year": "Tahun",
    "value": "Nilai",
}
