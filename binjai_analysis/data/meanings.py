"""Indonesian titles of the published datasets and meanings of their columns.

The schemas describe every column in English for the code; readers of the site, the data
dictionary and `datapackage.json` read these. Code names (tables, columns, allowed values)
stay as they are. One home: the Data page, the dictionary and the data package import them.
"""

from __future__ import annotations

DATASET_TITLES = {
    "audit_findings": "Temuan pemeriksaan BPK dan Inspektorat yang menimbulkan kerugian "
    "negara atau daerah",
    "water_sources": "Rumah tangga menurut sumber air minum per kecamatan",
    "year_counts": "Tabel kecil “Tahun / Jumlah” dalam narasi Bab III",
    "kecamatan": "Luas dan jumlah wilayah administrasi per kecamatan",
    "kelurahan": "Kelurahan di setiap kecamatan",
    "population_kecamatan": "Luas, penduduk dan sebarannya per kecamatan",
    "macro_series": "Pertumbuhan ekonomi dan PDRB per kapita",
    "misi": "Misi periode RPJMD",
    "tujuan": "Tujuan, masing-masing di bawah satu misi",
    "sasaran": "Sasaran strategis, masing-masing di bawah satu tujuan",
    "indicators": "Indikator kinerja: satuan, perangkat daerah, polaritas",
    "rpjmd_targets": "Target RPJMD per indikator dan tahun",
    "lkjip_agreement_targets": "Target Perjanjian Kinerja tahun laporan, dicetak ulang di LKjIP",
    "rating_scale": "Skala predikat capaian, batas seperti tercetak",
    "lkjip_result_summary": "Target dan realisasi setiap indikator (tabel ringkasan)",
    "lkjip_results": "Target, realisasi, capaian dan predikat per sasaran (tabel Bab III)",
    "lkjip_budget": "Anggaran dan realisasi setiap baris program",
    "budget_totals": "Jumlah anggaran tercetak (tabel anggaran, Ikhtisar, PK)",
    "budget_narrative": "Angka anggaran program yang dikutip dalam narasi Bab III",
    "pk_targets": "Target dokumen Perjanjian Kinerja",
    "pk_budget": "Anggaran program dokumen Perjanjian Kinerja",
    "reported_summary": "Angka ringkasan yang dinyatakan laporan tentang dirinya",
    "indicator_aliases": "Penulisan indikator di setiap tabel, ditautkan ke indikatornya (kurasi)",
    "program_sasaran": "Program anggaran dan sasaran yang dilayaninya (kurasi)",
    "output_quantities": "Jumlah keluaran dengan biaya programnya (kurasi)",
    "agencies": "Perangkat daerah dan instansi yang disebut sumber, pada baris penyebutannya "
    "(kurasi)",
    "indicator_agencies": "Penanggung jawab tercetak setiap indikator dibaca sebagai perangkat "
    "daerah yang disebutnya (kurasi)",
    "indicator_notes": "Catatan data setiap indikator dalam bahasa Indonesia (kurasi)",
    "documents": "Dokumen di setiap sumber: jenis, tahun, judul, rentang baris",
    "periods": "Periode rencana (RPJMD) yang menjadi acuan sumber",
    "indicator_values": "Semua angka indikator lintas sumber dan tahun: target, realisasi, "
    "capaian dan predikat tercetak",
    "budget_lines": "Semua angka anggaran program lintas sumber dan tahun, menurut tahap",
}
"""An Indonesian title per printed and canonical table (a test checks that each has one)."""

COLUMN_MEANINGS = {
    # Provenance: every printed table ends with these.
    "source_table": "Tabel atau bagian laporan asal angka, mis. 'Tabel 3.18'.",
    "source_line": "Nomor baris teks sumber (mulai dari 1) tempat angka itu tercetak.",
    "raw": "Angka (atau nama) persis seperti tercetak, spasi dirapikan.",
    "number_style": "Cara membaca raw: 'id' (1.234,5), 'us' (1,234.5), 'auto'; kosong untuk teks.",
    "value": "Nilai angka dari raw, tidak pernah dikoreksi; kosong untuk teks dan kategori.",
    "parse_note": "Kosong, kecuali membaca raw memerlukan penilaian; lalu bagaimana dibaca.",
    # Added by the canonical layer.
    "source": "Folder sumber asal baris (binjai_analysis/data/sources/<source>).",
    "document": "Dokumen dalam sumber yang mencetak baris ini (ditentukan dari source_line).",
    "document_year": "Tahun dokumen itu.",
    "period": "Periode rencana (RPJMD) tempat baris ini berada.",
    "printed_table": "Tabel tercetak sumber asal baris ini.",
    "phase": "Tahap anggaran: anggaran atau realisasi (tabel anggaran LKjIP), plan (Perjanjian "
    "Kinerja).",
    "repeat_of": "source_line cetakan sebelumnya yang diulang baris ini; kosong untuk cetakan "
    "pertama, yang dihitung.",
    "kind": "Jenis dokumen: LKjIP, IKU, PK, RPJMD, ...",
    "title": "Judul dokumen (atau periode).",
    "source_title": "Judul singkat sumber.",
    "first_line": "Baris pertama dokumen dalam teks sumber.",
    "last_line": "Baris terakhir dokumen dalam teks sumber.",
    "test_data": "True untuk data uji buatan, yang tidak boleh dikutip.",
    "start": "Tahun pertama periode rencana.",
    "end": "Tahun terakhir periode rencana.",
    # Columns of the printed and curated tables.
    "agency": "Perangkat daerah penanggung jawab ('Sumber Data') seperti tercetak; kosong bila "
    "tidak tercetak.",
    "agency_id": "Kode tetap perangkat daerah: huruf kecil dengan tanda hubung, mis. "
    "'dinas-kesehatan'.",
    "audit_year": "Tahun yang tercetak bersama pemeriksa ('Tahun 2017'); kosong bila tidak ada.",
    "basis": "Dasar angka: rpjmd (target RPJMD), pk (target Perjanjian Kinerja), lkjip_table "
    "(tabel per sasaran LKjIP) atau lkjip_summary (tabel ringkasan LKjIP).",
    "bound": "Bagian baris: batas bawah (lower) atau atas (upper) dalam %, atau labelnya (label).",
    "budget_program": "Program yang sama seperti tercetak di tabel anggaran, urutan sama; kosong "
    "bila tabel itu tidak memuatnya.",
    "context": "Isi kalimat asal angka itu (bahasa Inggris).",
    "cost_dataset": "Tabel tercetak yang memuat biayanya: budget_narrative atau lkjip_budget.",
    "cost_lines": "source_line angka anggaran setiap program di cost_dataset (dipisah ';', urut "
    "seperti program); realisasinya dari program yang sama.",
    "cost_link": "Cara sumber mengaitkan keluaran dengan biaya: sentence (satu kalimat), section "
    "(evaluasi sasaran yang sama) atau table (program tabel anggaran, sebuah penilaian).",
    "cost_share": "Bagian biaya program yang diatribusikan ke keluaran; 1 (seluruh biaya) bila "
    "sumber tidak membaginya.",
    "dataset": "Tabel tercetak yang baris-barisnya ditautkan.",
    "description": "Apa yang dinyatakan angka itu (bahasa Inggris).",
    "evidence": "Alasan sasaran ini, dalam satu kalimat.",
    "evidence_line": "Baris teks sumber tempat bukti narasinya.",
    "examiner": "Pemeriksa (BPK-RI, Inspektorat) seperti tercetak.",
    "examiner_no": "Nomor pemeriksa seperti tercetak.",
    "indicator": "Nama deret seperti tercetak di sumber.",
    "indicator_id": "Kode tetap indikator: sasaran lalu urutannya, mis. S01.I02.",
    "indicator_name": "Nama indikator seperti tercetak di tabel ini.",
    "indicator_no": "Nomor indikator seperti tercetak di tabel ini; kosong bila tidak ada.",
    "item": "Kode snake_case pernyataan atau jumlah itu.",
    "kecamatan": "Nama kecamatan seperti tercetak; 'Kota Binjai' untuk jumlah kota.",
    "kecamatan_id": "Kode snake_case kecamatan; 'kota_binjai' untuk jumlah kota.",
    "kelurahan": "Nama kelurahan seperti tercetak di Tabel 1.1.",
    "label": "Predikat seperti tercetak, mis. 'Sangat Baik'.",
    "match_basis": "Cara penautan: exact (sama), reworded (ditulis lain), number (menurut "
    "nomor) atau none (tidak ada indikatornya).",
    "measure": "Apa yang diukur angka itu (mis. target, realisasi, capaian, anggaran, luas_km2).",
    "misi_id": "Kode tetap misi: M1, M2, ...",
    "misi_no": "Nomor misi seperti tercetak.",
    "name": "Nama lengkap indikator yang sudah dirapikan.",
    "catatan": "Catatan data indikator dalam bahasa Indonesia, seperti di halaman indikatornya.",
    "note": "Alasannya, bila pembacaan memerlukan penilaian.",
    "origin": "Asal angka: chart (label data grafik) atau narrative (angka di teks).",
    "output": "Keluaran seperti disebut sumber.",
    "output_id": "Kode snake_case tetap keluaran.",
    "output_kind": "produced (dihasilkan selama tahun itu) atau stock (tersedia di akhir tahun, "
    "mis. km jalan kondisi baik).",
    "polarity": "Arah yang lebih baik: higher (makin tinggi makin baik), lower, atau qualitative.",
    "polarity_reason": "Catatan kurasi: alasannya, bila polaritas tidak jelas dari nama indikator.",
    "printed": "Teks agency di printed/indicators.csv, persis.",
    "printed_no": "Nomor baris seperti tercetak (bisa berulang atau melompat).",
    "program": "Nama program seperti tercetak.",
    "rating_no": "Nomor urut predikat, 1 yang terbaik.",
    "reference": "Nomor laporan pemeriksaan yang tercetak di sel perangkat daerah; kosong bila "
    "tidak ada.",
    "row_no": "Nomor baris seperti tercetak; kosong bila tidak ada.",
    "row_seq": "Urutan cetak 1..n: satu per baris tercetak.",
    "sasaran_id": "Kode tetap sasaran: S01, S02, ...",
    "sasaran_no": "Nomor sasaran strategis seperti tercetak.",
    "source_figure": "'Gambar 1.2' (label grafik) atau 'narrative' (teks).",
    "statement": "Rumusan lengkapnya, teks yang sudah dirapikan.",
    "subject": "Apa yang dihitung: baris yang tercetak sebelum tabel.",
    "tujuan_id": "Kode tetap tujuan: T1, T2, ...",
    "tujuan_no": "Nomor tujuan seperti tercetak.",
    "unit": "Satuan seperti tercetak; kosong bila tidak ada.",
    "value_type": "Jenis nilai: number (angka), ratio (1:n), ordinal (skala kategori) atau text.",
    "water_source": "Sumber air minum seperti dinamai legenda grafik.",
    "year": "Tahun yang dirujuk angka itu.",
}
"""The Indonesian meaning of each column name; `DATASET_MEANINGS` where a dataset differs."""

COLUMN_TITLES = {
    "source_table": "Tabel sumber",
    "source_line": "Baris sumber",
    "raw": "Tercetak",
    "number_style": "Gaya angka",
    "value": "Nilai",
    "parse_note": "Catatan baca",
    "source": "Sumber",
    "document": "Dokumen",
    "document_year": "Tahun dokumen",
    "period": "Periode",
    "printed_table": "Tabel tercetak",
    "phase": "Tahap",
    "repeat_of": "Ulangan dari baris",
    "kind": "Jenis",
    "title": "Judul",
    "source_title": "Judul sumber",
    "first_line": "Baris pertama",
    "last_line": "Baris terakhir",
    "test_data": "Data uji",
    "start": "Tahun awal",
    "end": "Tahun akhir",
    "agency": "Perangkat daerah",
    "agency_id": "Kode perangkat daerah",
    "audit_year": "Tahun pemeriksaan",
    "basis": "Dasar",
    "bound": "Batas",
    "budget_program": "Program di tabel anggaran",
    "context": "Konteks",
    "cost_dataset": "Tabel biaya",
    "cost_lines": "Baris biaya",
    "cost_link": "Kaitan biaya",
    "cost_share": "Bagian biaya",
    "dataset": "Dataset",
    "description": "Keterangan",
    "evidence": "Bukti",
    "evidence_line": "Baris bukti",
    "examiner": "Pemeriksa",
    "examiner_no": "Nomor pemeriksa",
    "indicator": "Uraian",
    "indicator_id": "Kode indikator",
    "indicator_name": "Nama indikator",
    "indicator_no": "Nomor indikator",
    "item": "Butir",
    "kecamatan": "Kecamatan",
    "kecamatan_id": "Kode kecamatan",
    "kelurahan": "Kelurahan",
    "label": "Predikat",
    "match_basis": "Cara penautan",
    "measure": "Ukuran",
    "misi_id": "Kode misi",
    "misi_no": "Nomor misi",
    "name": "Nama",
    "catatan": "Catatan",
    "note": "Catatan",
    "origin": "Asal",
    "output": "Keluaran",
    "output_id": "Kode keluaran",
    "output_kind": "Jenis keluaran",
    "polarity": "Polaritas",
    "polarity_reason": "Alasan polaritas",
    "printed": "Teks tercetak",
    "printed_no": "Nomor tercetak",
    "program": "Program",
    "rating_no": "Nomor predikat",
    "reference": "Nomor laporan",
    "row_no": "Nomor baris",
    "row_seq": "Urutan baris",
    "sasaran_id": "Kode sasaran",
    "sasaran_no": "Nomor sasaran",
    "source_figure": "Gambar sumber",
    "statement": "Rumusan",
    "subject": "Yang dihitung",
    "tujuan_id": "Kode tujuan",
    "tujuan_no": "Nomor tujuan",
    "unit": "Satuan",
    "value_type": "Jenis nilai",
    "water_source": "Sumber air minum",
    "year": "Tahun",
}
"""A short Indonesian title per column name (the data package's field titles)."""

DATASET_MEANINGS = {
    ("audit_findings", "agency"): "Perangkat daerah (dinas) yang mendapat temuan, seperti "
    "tercetak.",
    ("audit_findings", "measure"): "kerugian: kerugian negara atau daerah, dalam rupiah.",
    ("audit_findings", "row_seq"): "Urutan cetak 1..n: satu per baris perangkat daerah.",
    ("program_sasaran", "basis"): "Dasar pemetaan: narrative (Bab III menyebutnya), urusan, "
    "agency, atau none (tidak dipetakan).",
    ("program_sasaran", "program"): "Program persis seperti tercetak di tabel anggaran.",
    ("program_sasaran", "sasaran_no"): "Sasaran yang dilayani; kosong bila tidak dipetakan.",
    ("indicator_agencies", "basis"): "Cara membaca teks: exact, typo, abbreviation, reworded, "
    "joint (salah satu dari beberapa) atau inferred (lihat note).",
    ("indicator_notes", "parse_note"): "parse_note indikator itu di printed/indicators.csv "
    "(bahasa Inggris, dibaca audit), disalin persis: bila berubah, terjemahannya ketahuan usang.",
    ("indicator_aliases", "indicator_id"): "Indikator kanonik yang diukur, atau kosong bila "
    "tidak ada (lihat parse_note).",
    ("macro_series", "indicator_id"): "Kode snake_case tetap deret itu.",
    ("macro_series", "unit"): "Satuan value: persen atau ribu rupiah.",
    ("agencies", "kind"): "Jenis instansi: dinas, badan, satuan, inspektorat, sekretariat, "
    "bagian, rumah_sakit, atau instansi_vertikal (instansi pusat).",
    ("agencies", "name"): "Nama perangkat daerah, seperti ditampilkan halamannya.",
    ("misi", "statement"): "Rumusan misi (teks lengkap yang sudah dirapikan).",
    ("tujuan", "misi_id"): "Misi yang dilayani tujuan ini.",
    ("tujuan", "statement"): "Rumusan tujuan (teks lengkap yang sudah dirapikan).",
    ("sasaran", "tujuan_id"): "Tujuan yang dilayani sasaran ini.",
    ("sasaran", "statement"): "Rumusan sasaran (teks lengkap yang sudah dirapikan).",
    ("indicators", "sasaran_id"): "Sasaran yang diukur indikator ini.",
    ("output_quantities", "measure"): "target atau realisasi.",
    ("output_quantities", "program"): "Program yang biayanya dipakai, seperti tercetak di tempat "
    "biayanya ('; ' di antara beberapa).",
    ("output_quantities", "unit"): "Satuan hitung keluaran: orang, kegiatan, ruang, km, ...",
    ("periods", "kind"): "Jenis periode rencana: RPJMD.",
    ("periods", "title"): "Judul periode rencana.",
    ("year_counts", "year"): "Tahun hitungan itu.",
    ("year_counts", "unit"): "Satuan yang tercetak setelah angka ('orang', 'Kelurahan', 'buah').",
}
"""Meanings of a column name that differ in one dataset: (dataset, column) → meaning."""


def column_title(column: str) -> str:
    """The short Indonesian title of `column` (its name when none is written)."""
    return COLUMN_TITLES.get(column, column)


def column_meaning(dataset: str, column: str) -> str:
    """The Indonesian meaning of `column` in `dataset` ('' when none is written)."""
    return DATASET_MEANINGS.get((dataset, column), COLUMN_MEANINGS.get(column, ""))
