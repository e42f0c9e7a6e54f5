"""Reader-facing Indonesian labels, kept in one place rather than scattered through pages."""

from __future__ import annotations

OPTIONAL_PART_LABELS = {
    "average": "rata-rata capaian yang dinyatakan laporan",
    "macro_series": "seri makro Tabel 1.2 (pertumbuhan ekonomi, PDRB per kapita)",
    "program_sasaran": "pemetaan program anggaran ke sasaran",
    "previous_year": "tahun realisasi sebelumnya dalam periode RPJMD yang sama untuk "
    "dibandingkan (perbandingan memerlukan sedikitnya dua tahun realisasi)",
}
"""`analysis.years.OPTIONAL_PARTS` for readers (the year index says which pages lack them)."""

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

CAPAIAN_STATUS_LABELS = {
    "ok": "dihitung",
    "ok (rank-based, ordinal)": "dihitung (peringkat kategori)",
    "ok (met or not met, ordinal)": "dihitung (kategori tercapai atau tidak)",
    "no realisation": "tidak ada realisasi",
    "no target": "tidak ada target",
    "not comparable": "tidak dapat dibandingkan",
    "not comparable (sizes differ over max_ratio; units?)": "satuan target dan realisasi berbeda",
}
"""`achievement`'s capaian statuses, for readers."""

CAPAIAN_FORMULAS = {
    "higher": "R ÷ T × 100 %",
    "lower": "(2 × T − R) ÷ T × 100 %",
    "ratio": "(2 × n target − n realisasi) ÷ n target × 100 %",
    "ordinal": "100 % bila kategori realisasi setara atau lebih baik daripada kategori target, "
    "selain itu 0 % (tercapai atau tidak)",
}
"""The capaian formulas by kind (a polarity, or the value type `ratio`, `ordinal`); R is the
realisation, T the target. The Metodologi page and the indicator pages show them."""

POLARITY_LABELS = {
    "higher": "makin tinggi makin baik",
    "lower": "makin rendah makin baik",
    "qualitative": "kategori",
}

TRAJECTORY_LABELS = {
    "on track": "sesuai jalur",
    "at risk": "berisiko",
    "off track": "menyimpang",
    "not assessable": "tidak dapat dinilai",
}
"""`trajectory` statuses, in the order pages show them."""

ERRATA_KIND_LABELS = {
    "arithmetic_error": "Persentase tidak sesuai hitungan",
    "total_mismatch": "Jumlah tidak cocok",
    "duplicate_row": "Baris ganda",
    "renumbered_row": "Nomor baris melompat atau berulang",
    "impossible_value": "Nilai mustahil",
    "malformed_number": "Angka salah tulis",
    "conflicting_targets": "Target berbeda antartabel",
    "mislabelled_year": "Tahun salah sebut",
    "reported_capaian_mismatch": "Capaian tercetak tidak sesuai",
    "reported_predikat_mismatch": "Predikat tercetak tidak sesuai",
    "conflicting_figures": "Angka berbeda antartabel",
    "implausible_value": "Angka tidak wajar",
    "misnumbered": "Penomoran salah",
    "narrative_mismatch": "Narasi tidak cocok dengan tabel",
    "summary_mismatch": "Ringkasan tidak cocok",
    "category_mismatch": "Kategori tidak konsisten",
    "misprinted_number": "Angka salah cetak",
    "inconsistent_format": "Format angka berganti",
    "misprinted_label": "Nama atau satuan salah cetak",
    "misplaced_figure": "Angka milik baris lain",
    "stale_passage": "Narasi tahun sebelumnya",
}
"""Indonesian labels of the audit's kinds (`audit.KINDS`)."""

ERRATA_KIND_PHRASES = {
    "arithmetic_error": "persentase yang tidak sesuai dengan anggaran dan realisasinya",
    "total_mismatch": "jumlah yang tidak sama dengan penjumlahan barisnya",
    "duplicate_row": "baris yang tercetak dua kali",
    "renumbered_row": "baris dengan nomor urut yang kacau",
    "impossible_value": "nilai yang mustahil",
    "malformed_number": "angka yang salah tulis",
    "conflicting_targets": "target yang berbeda antartabel",
    "mislabelled_year": "tahun yang salah sebut",
    "reported_capaian_mismatch": "capaian tercetak yang tidak mengikuti rumus",
    "reported_predikat_mismatch": "predikat tercetak yang tidak sesuai skala",
    "conflicting_figures": "angka yang berbeda antartabel",
    "implausible_value": "angka yang tidak wajar",
    "misnumbered": "penomoran yang salah",
    "narrative_mismatch": "angka narasi yang berbeda dari tabel",
    "summary_mismatch": "angka ringkasan yang tidak dapat dihitung ulang dari tabel",
    "category_mismatch": "kategori (opini atau nilai) yang tidak konsisten",
    "misprinted_number": "angka yang salah cetak",
    "inconsistent_format": "angka dengan format yang lain dari tabelnya",
    "misprinted_label": "nama, label atau satuan yang salah cetak",
    "misplaced_figure": "angka yang tercetak di baris, kolom atau indikator yang salah",
    "stale_passage": "paragraf yang menyalin angka tahun sebelumnya",
}
"""The audit's kinds as phrases inside a sentence."""

ERRATA_KIND_DESCRIPTIONS = {
    "arithmetic_error": "Persentase serapan yang tercetak tidak sama dengan realisasi dibagi "
    "anggaran.",
    "total_mismatch": "Jumlah atau angka ikhtisar yang tercetak tidak sama dengan jumlah "
    "baris-baris tabelnya, atau dengan jumlah di bagian lain laporan.",
    "duplicate_row": "Baris program yang mengulang baris sebelumnya: program dan angka sama, "
    "atau angka sama dengan nama program lain.",
    "renumbered_row": "Nomor urut baris yang melompat atau terulang.",
    "impossible_value": "Realisasi anggaran yang melebihi anggarannya.",
    "malformed_number": "Angka yang hanya dapat dibaca dengan membuang tanda pemisah yang "
    "salah tempat.",
    "conflicting_targets": "Indikator yang targetnya untuk tahun yang sama berbeda antara "
    "tabel-tabel laporan.",
    "mislabelled_year": "Teks tentang tahun laporan yang menyebut tahun lain.",
    "reported_capaian_mismatch": "Capaian tercetak yang tidak mengikuti dari target dan "
    "realisasi yang tercetak di sampingnya.",
    "reported_predikat_mismatch": "Predikat tercetak yang tidak sesuai dengan capaian tercetak "
    "menurut skala predikat laporan.",
    "conflicting_figures": "Realisasi atau capaian satu indikator pada tahun yang sama yang "
    "tercetak berbeda di tabel ringkasan, tabel per sasaran atau tabel pendukungnya; rata-rata "
    "tercetak yang tidak sama dengan rata-rata baris-barisnya.",
    "implausible_value": "Angka yang mungkin secara hitungan tetapi hampir pasti keliru: "
    "persentase terbatas di atas 100 %, jumlah rumah tangga yang melampaui penduduk, rasio "
    "berbentuk lain dari targetnya, capaian ekstrem; ditandai agar satuannya diperiksa.",
    "misnumbered": "Nomor tercetak sebuah indikator, sasaran, tabel atau gambar yang terlewat, "
    "berulang, mundur, atau berbeda dari nomor yang sama di bagian lain.",
    "narrative_mismatch": "Angka yang dikutip dalam teks Bab III (target, realisasi, capaian, "
    "anggaran) yang berbeda dari angka tabel untuk indikator atau program dan ukuran yang sama.",
    "summary_mismatch": "Jumlah sasaran, program atau indikator, atau rata-rata capaian, yang "
    "dinyatakan dalam ringkasan tetapi tidak dihasilkan oleh cara hitung wajar mana pun atas "
    "tabel.",
    "category_mismatch": "Opini BPK atau nilai AKIP yang tidak konsisten antara target, "
    "realisasi, capaian, tabel ringkasan, narasi atau skornya.",
    "misprinted_number": "Angka yang tercetak keliru: digitnya hilang, atau angka itu tidak "
    "cocok dengan angka-angka di sampingnya.",
    "inconsistent_format": "Angka yang dicetak dengan pemisah ribuan dan desimal lain dari "
    "angka-angka lain di tabelnya (misalnya format Amerika di tabel berformat Indonesia).",
    "misprinted_label": "Nama indikator atau program, label grafik, atau satuan yang salah eja, "
    "terpotong, atau tidak sesuai dengan angkanya.",
    "misplaced_figure": "Angka yang tercetak pada baris, kolom atau indikator lain dari yang "
    "semestinya (misalnya angka indikator lain).",
    "stale_passage": "Paragraf tentang indikator tahun laporan yang hanya menyebut tahun "
    "sebelumnya dan angka-angka tahun itu (misalnya target RPJMD tahun itu), bukan realisasi "
    "dan capaian tabel tahun laporan: teks yang tampaknya disalin dari laporan tahun sebelumnya.",
}
"""What each kind of check finds, for readers."""

SEVERITY_LABELS = {"high": "tinggi", "medium": "sedang", "low": "rendah"}

FLAGGED_ROWS = "realisasi melebihi anggaran, angka salah tulis atau digit hilang"
"""Why a budget row is flagged (`budget.flag_rows`), as every page says it."""

CONVENTION_LABEL = "perbedaan konvensi"
"""A catatan that is a difference of convention, not an error of the source ("kesalahan")."""

ERRATA_CAUSE_LABELS = {
    "capped_at_100": "capaian dibatasi 100 %",
    "inverted_formula": "rumus target ÷ realisasi untuk indikator makin rendah makin baik",
    "polarity_reversed": "rumus arah indikator yang berlawanan",
    "rounding": "pembulatan",
    "label_synonym": "sinonim predikat",
    "label_typo": "salah ketik predikat",
    "follows_recomputed": "predikat mengikuti capaian hasil hitung ulang",
    "unit_mismatch": "satuan target dan realisasi berbeda",
    "unexplained": "tidak terjelaskan",
}
"""The audit's causes of a printed-versus-recomputed difference (`audit.CAUSES`), for readers."""

ERRATA_CAUSE_DESCRIPTIONS = {
    "capped_at_100": "Laporan mencetak 100 % untuk capaian yang menurut rumusnya lebih dari "
    "100 %: konvensi membatasi capaian, bukan salah hitung.",
    "inverted_formula": "Untuk indikator yang makin rendah makin baik, laporan memakai target ÷ "
    "realisasi × 100 %, sedangkan situs ini memakai (2 × target − realisasi) ÷ target × 100 %. "
    "Keduanya lazim dipakai.",
    "polarity_reversed": "Capaian tercetak mengikuti rumus untuk arah indikator yang berlawanan "
    "dengan arah yang dipakai situs ini (misalnya realisasi ÷ target untuk indikator yang makin "
    "rendah makin baik): perbedaan pandangan tentang arah indikator.",
    "rounding": "Capaian tercetak sama dengan hasil hitung yang dibulatkan atau dipotong, atau "
    "dengan hasil hitung dari target dan realisasi yang sendirinya sudah dibulatkan.",
    "label_synonym": "Predikat tercetak memakai kata skala lain untuk jenjang yang sama "
    "(misalnya “Sangat Tinggi” untuk “Sangat Baik”).",
    "label_typo": "Predikat tercetak salah ketik (misalnya “Tingg”), tetapi jenjangnya benar.",
    "follows_recomputed": "Predikat tercetak sesuai dengan capaian yang dihitung ulang dari "
    "target dan realisasi; yang salah adalah capaian tercetaknya (dicatat tersendiri).",
    "unit_mismatch": "Target dan realisasi tercetak dalam satuan berbeda (misalnya per 1.000 "
    "penduduk dan persen), sehingga capaian tidak bermakna dan tidak dihitung.",
    "unexplained": "Tidak satu pun penjelasan di atas memberi angka tercetak: kesalahan laporan.",
}
"""What each cause means, for readers (Kualitas data)."""


def reconciliation_labels(table: str) -> dict[str, str]:
    """Reader labels of `budget.reconcile_totals`' rows, naming the printed budget table."""
    return {
        "all_rows": f"Jumlah baris {table} (semua baris)",
        "rows_without_duplicates": f"Jumlah baris {table} (tanpa baris ganda)",
        "budget_table_jumlah": f"Jumlah tercetak {table}",
        "ikhtisar": "Ikhtisar Eksekutif (pagu, realisasi)",
    }


ERRATA_EFFECTS = {
    "absorption_recomputed": "Serapan dihitung ulang dari anggaran dan realisasi; persentase "
    "tercetak tidak dipakai.",
    "percent_recomputed": "Persentase dihitung ulang dari jumlah tercetak.",
    "over_budget_flagged": "Serapan di atas 100 % ditampilkan seperti tercetak dan ditandai; "
    "jumlah tetap memasukkannya.",
    "duplicate_counted_once": "Dihitung sekali dalam jumlah “tanpa baris ganda”; kedua baris "
    "tetap ada dalam data.",
    "figures_kept_as_printed": "Dibiarkan seperti tercetak; angka itu mungkin hanya milik salah "
    "satu dari kedua program.",
    "rows_by_print_order": "Tidak ada: baris dikenali dari urutan cetaknya, bukan dari nomornya.",
    "totals_from_rows": "Jumlah di situs dihitung dari baris-baris tabel; jumlah tercetak "
    "ditampilkan di sampingnya.",
    "selisih_recomputed": "Selisih dihitung ulang dari pagu dan realisasi.",
    "best_reading_marked": "Dipakai pembacaan yang paling masuk akal dan diberi catatan; "
    "periksalah dengan konteks cetaknya.",
    "capaian_recomputed": "Capaian dihitung ulang dari target dan realisasi sesuai arah "
    "indikator; angka tercetak ditampilkan di sampingnya.",
    "predikat_recomputed": "Predikat ditentukan ulang dari capaian hasil hitung ulang, dengan "
    "skala predikat yang dipilih.",
    "targets_kept_per_table": "Target setiap tabel disimpan bersama tabel sumbernya; capaian "
    "memakai target yang tercetak di samping realisasinya.",
    "read_as_report_year": "Tidak ada: angka-angkanya dibaca sebagai angka tahun {year}.",
    "capaian_not_computed": "Capaian tidak dihitung karena satuan target dan realisasi berbeda; "
    "angka tercetak ditampilkan di sampingnya.",
    "figures_kept_per_table": "Angka setiap tabel dibiarkan seperti tercetak bersama tabel "
    "sumbernya; capaian situs memakai angka tabel per sasaran.",
    "flagged_for_review": "Angka ditampilkan seperti tercetak dan ditandai agar satuan atau "
    "cara hitungnya diperiksa; tidak dihitung ulang.",
    "average_recomputed": "Rata-rata di situs dihitung ulang dari baris-baris indikator; "
    "rata-rata tercetak ditampilkan di sampingnya.",
    "plan_numbers_kept": "Tidak ada: sasaran, tujuan dan misi diberi nomor urut rencana, bukan "
    "nomor tercetak ini.",
    "cited_by_line": "Tidak ada: tabel dan gambar dirujuk dengan nomor tercetak dan baris teksnya.",
    "table_figures_used": "Situs ini memakai angka tabel; angka narasi hanya dicatat di sini.",
    "summary_recomputed": "Situs ini menampilkan jumlah atau rata-rata yang dihitung ulang dari "
    "tabel; angka ringkasan tercetak ditampilkan di sampingnya.",
    "program_rows_kept": "Kedua baris tetap dihitung seperti tercetak; tabel tidak menyebut "
    "perangkat daerahnya, sehingga tidak diketahui angka mana yang benar atau apakah keduanya "
    "program yang berbeda.",
    "digits_lost_flagged": "Realisasi dibiarkan seperti tercetak dan baris ini ditandai; "
    "serapannya tidak dipakai dalam statistik serapan.",
    "read_as_noted": "Tidak ada: angka dibaca seperti dijelaskan dalam catatan pembacaan tabel "
    "sumbernya; angka tercetaknya tidak diubah.",
    "area_figures_kept": "Tidak ada: jumlah kota dan angka per kecamatan dibiarkan seperti "
    "tercetak; situs tidak menghitung apa pun dari jumlah kota ini.",
}
"""What each of the audit's effect codes (`audit.EFFECTS`) changes in the site's figures;
`{year}` is the erratum's year."""

REPORTED_SUMMARY_LABELS = {
    "misi_count": "jumlah misi",
    "priority_count": "jumlah prioritas pembangunan",
    "overall_assessment": "penilaian umum atas kinerja",
    "sasaran_count": "jumlah sasaran strategis",
    "program_count": "jumlah program",
    "indicator_count": "jumlah indikator kinerja",
    "average_capaian_pct": "rata-rata capaian kinerja",
    "average_capaian_category": "kategori rata-rata capaian kinerja",
    "sasaran_8_average_capaian_pct": "rata-rata capaian sasaran 8",
}
"""The report's summary statements (`reported_summary` items), as phrases for readers."""

FORM_HEADINGS = {
    "sasaran_no": "No. sasaran",
    "indicator_no": "No. indikator",
    "indicator_name": "Nama indikator (seperti tercetak)",
    "unit": "Satuan",
    "year": "Tahun",
    "measure": "Ukuran",
    "row_seq": "Urutan baris",
    "printed_no": "No. tercetak",
    "program": "Program (seperti tercetak)",
    "source_table": "Tabel sumber",
    "source_line": "Baris teks sumber",
    "raw": "Angka seperti tercetak",
    "number_style": "Gaya angka (id: 1.234,5 / us: 1,234.5)",
    "value": "Nilai (boleh kosong: dihitung)",
    "parse_note": "Catatan",
    "ref_polarity": "Polaritas (referensi, jangan diubah)",
    "ref_rpjmd_target": "Target RPJMD tahun ini (referensi)",
}
"""Indonesian headings of the data-entry workbook `binjai new-year` writes (one per column)."""

FORM_SHEETS = {
    "lkjip_results": "Capaian kinerja",
    "lkjip_budget": "Anggaran program",
    "pk_targets": "Target PK",
    "pk_budget": "Anggaran PK",
}
"""The workbook's sheet per printed table."""

UNIT_COST_REASON_LABELS = {
    "no_target": "target keluaran tidak dicetak",
    "no_realised": "realisasi keluaran tidak dicetak",
    "zero_target": "target keluaran nol",
    "zero_output": "tidak ada keluaran yang terealisasi",
    "stock": "stok akhir tahun, bukan keluaran tahun itu",
    "shared_cost": "biaya bersama dengan keluaran lain",
    "flagged_cost": "angka anggaran bertanda (salah tulis, atau realisasi di atas anggaran)",
}
"""`analysis.unit_cost` reason codes: why a unit cost or the efficiency is not computed."""

COST_LINK_LABELS = {
    "sentence": "dalam satu kalimat",
    "section": "dalam bahasan sasaran yang sama",
    "table": "dari tabel anggaran, tanpa angka di teks (penilaian)",
}
"""How the source ties an output to its program's cost (`output_quantities.cost_link`)."""

AGENCY_KIND_LABELS = {
    "dinas": "dinas",
    "badan": "badan",
    "satuan": "satuan",
    "inspektorat": "inspektorat",
    "sekretariat": "sekretariat",
    "bagian": "bagian Sekretariat Daerah",
    "rumah_sakit": "rumah sakit daerah",
    "instansi_vertikal": "instansi vertikal (bukan perangkat daerah kota)",
}
"""The curated kinds of agency (`agencies.kind`), for readers."""

AGENCY_BASIS_LABELS = {
    "exact": "sama",
    "typo": "salah ketik",
    "abbreviation": "singkatan",
    "reworded": "susunan kata lain",
    "joint": "bersama instansi lain",
    "inferred": "disimpulkan",
}
"""How a printed responsible-agency text was read (`indicator_agencies.basis`), for readers."""
