<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id">
<context>
    <name>AssistantWizard</name>
    <message>
        <source>Welcome</source>
        <translation>Mulai</translation>
    </message>
    <message>
        <source>Provider and account</source>
        <translation>Penyedia dan akun</translation>
    </message>
    <message>
        <source>Signature type</source>
        <translation>Tipe tanda tangan</translation>
    </message>
    <message>
        <source>Signature name</source>
        <translation>Nama tanda tangan</translation>
    </message>
    <message>
        <source>Applicant and owner</source>
        <translation>Pemohon dan pemilik</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <source>Authorization letter</source>
        <translation>Surat kuasa</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Pemeriksaan</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Ekspor</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; Ke&amp;mbali</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Lanjut &gt;</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Selesai</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Bantuan</translation>
    </message>
    <message>
        <source>What to do on this step (F1)</source>
        <translation>Apa yang dilakukan di langkah ini (F1)</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Kasus</translation>
    </message>
    <message>
        <source>&amp;Print checklist…</source>
        <translation>&amp;Cetak daftar dokumen…</translation>
    </message>
    <message>
        <source>Go back one step (nothing is lost)</source>
        <translation>Kembali satu langkah (tidak ada yang hilang)</translation>
    </message>
    <message>
        <source>New, open, save, print the checklist, language, help, about</source>
        <translation>Baru, buka, simpan, cetak daftar dokumen, bahasa, bantuan, tentang</translation>
    </message>
    <message>
        <source>Pr&amp;int checklist…</source>
        <translation>&amp;Cetak daftar dokumen…</translation>
    </message>
    <message>
        <source>Go to the next step (enabled when this one is complete)</source>
        <translation>Ke langkah berikutnya (aktif bila langkah ini sudah lengkap)</translation>
    </message>
    <message>
        <source>Close the assistant</source>
        <translation>Tutup asisten</translation>
    </message>
    <message>
        <source>Close the assistant (asks first if there are unsaved changes)</source>
        <translation>Tutup asisten (bertanya dulu jika ada perubahan yang belum disimpan)</translation>
    </message>
    <message>
        <source>Print the checklist of documents for this case, or save it as PDF (Ctrl+P)</source>
        <translation>Cetak daftar dokumen kasus ini, atau simpan sebagai PDF (Ctrl+P)</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Kasus baru</translation>
    </message>
    <message>
        <source>SMS Signature Assistant</source>
        <translation>SMS Signature Assistant</translation>
    </message>
    <message>
        <source>Cannot open the case</source>
        <translation>Kasus tidak dapat dibuka</translation>
    </message>
    <message>
        <source>%1 cannot be opened.</source>
        <translation>%1 tidak dapat dibuka.</translation>
    </message>
    <message>
        <source>Opened with problems</source>
        <translation>Dibuka dengan masalah</translation>
    </message>
    <message>
        <source>The case was opened; please look at these problems:</source>
        <translation>Kasus sudah dibuka; harap perhatikan masalah berikut:</translation>
    </message>
    <message>
        <source>new-case</source>
        <translation>kasus-baru</translation>
    </message>
    <message>
        <source>Cannot save the case</source>
        <translation>Kasus tidak dapat disimpan</translation>
    </message>
    <message>
        <source>Cannot recover the draft</source>
        <translation>Draf tidak dapat dipulihkan</translation>
    </message>
    <message>
        <source>The autosaved draft cannot be read.</source>
        <translation>Draf yang disimpan otomatis tidak dapat dibaca.</translation>
    </message>
    <message>
        <source>&amp;New case</source>
        <translation>Kasus &amp;baru</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>B&amp;uka…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>Simpan se&amp;bagai…</translation>
    </message>
    <message>
        <source>Print pre&amp;view…</source>
        <translation>Pratinjau ceta&amp;k…</translation>
    </message>
    <message>
        <source>Save checklist as P&amp;DF…</source>
        <translation>Simpan daftar dokumen sebagai P&amp;DF…</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Tentang</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Kasus &amp;terakhir</translation>
    </message>
    <message>
        <source>Case li&amp;brary…</source>
        <translation>&amp;Pustaka kasus…</translation>
    </message>
    <message>
        <source>Re&amp;jected? Paste the reason…</source>
        <translation>Ditolak? T&amp;empel alasannya…</translation>
    </message>
    <message>
        <source>&amp;Help for this step</source>
        <translation>&amp;Bantuan untuk langkah ini</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Bahasa</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Bahasa sistem</translation>
    </message>
    <message>
        <source>No recent cases</source>
        <translation>Tidak ada kasus terakhir</translation>
    </message>
    <message>
        <source>Save checklist as PDF</source>
        <translation>Simpan daftar dokumen sebagai PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Checklist PDF</source>
        <translation>PDF daftar dokumen</translation>
    </message>
    <message>
        <source>Checklist saved</source>
        <translation>Daftar dokumen disimpan</translation>
    </message>
    <message>
        <source>About SMS Signature Assistant</source>
        <translation>Tentang SMS Signature Assistant</translation>
    </message>
    <message>
        <source>SMS templates</source>
        <translation>Templat SMS</translation>
    </message>
    <message>
        <source>Help — SMS Signature Assistant</source>
        <translation>Bantuan — Asisten Tanda Tangan SMS</translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation>Kualifikasi</translation>
    </message>
</context>
<context>
    <name>DocumentLine</name>
    <message>
        <source>Attach…</source>
        <translation>Lampirkan…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Memeriksa…</translation>
    </message>
    <message>
        <source>Look at it</source>
        <translation>Periksa</translation>
    </message>
    <message>
        <source>Not attached</source>
        <translation>Belum dilampirkan</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Belum diperiksa</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>OK, fixed in the bundle</source>
        <translation>OK, diperbaiki di paket</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Bermasalah</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
</context>
<context>
    <name>DocumentRow</name>
    <message>
        <source>Attach…</source>
        <translation>Lampirkan…</translation>
    </message>
    <message>
        <source>Preview fix…</source>
        <translation>Pratinjau perbaikan…</translation>
    </message>
    <message>
        <source>Make a compliant copy and compare it with your original (which stays unchanged)</source>
        <translation>Buat salinan yang memenuhi syarat dan bandingkan dengan berkas asli Anda (yang tetap tidak berubah)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Belum ada</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Memeriksa…</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>OK, fixed in the bundle</source>
        <translation>OK, diperbaiki di paket</translation>
    </message>
    <message>
        <source>Look at it</source>
        <translation>Periksa</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Bermasalah</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Belum diperiksa</translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation>Tidak diperlukan</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <source>Documents</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <source>Attach each document (button or drag and drop). Every file is checked against the provider&apos;s rules; your originals are never changed.</source>
        <translation>Lampirkan setiap dokumen (dengan tombol atau seret dan lepas). Setiap berkas diperiksa menurut aturan penyedia; berkas asli Anda tidak pernah diubah.</translation>
    </message>
    <message>
        <source>Checking files</source>
        <translation>Memeriksa berkas</translation>
    </message>
    <message>
        <source>&amp;Stop checks</source>
        <translation>&amp;Hentikan pemeriksaan</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>Periksa la&amp;gi</translation>
    </message>
    <message>
        <source>No documents are needed for this choice, or the choice is not allowed: go back to the signature type.</source>
        <translation>Pilihan ini tidak memerlukan dokumen, atau pilihan ini tidak diizinkan: kembali ke tipe tanda tangan.</translation>
    </message>
    <message>
        <source>&lt;b&gt;One of these&lt;/b&gt; (attach the one you have):</source>
        <translation>&lt;b&gt;Salah satu dari ini&lt;/b&gt; (lampirkan yang Anda miliki):</translation>
    </message>
    <message>
        <source>Attach %1</source>
        <translation>Lampirkan %1</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>Ganti…</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>Lampirkan…</translation>
    </message>
    <message>
        <source>Drop a file here, or attach it with the button.</source>
        <translation>Lepaskan berkas di sini, atau lampirkan dengan tombol.</translation>
    </message>
    <message>
        <source>No file</source>
        <translation>Tidak ada berkas</translation>
    </message>
    <message>
        <source>No preview</source>
        <translation>Tidak ada pratinjau</translation>
    </message>
    <message>
        <source>▾ Hide the other documents</source>
        <translation>▾ Sembunyikan dokumen lain</translation>
    </message>
    <message>
        <source>▸ Other documents that would also do (%1)</source>
        <translation>▸ Dokumen lain yang juga bisa (%1)</translation>
    </message>
    <message>
        <source>%1 of %2 required documents attached and fine; %3 with problems.</source>
        <translation>%1 dari %2 dokumen wajib sudah dilampirkan dan baik; %3 bermasalah.</translation>
    </message>
    <message>
        <source>Not every file was attached</source>
        <translation>Tidak semua berkas terlampir</translation>
    </message>
    <message>
        <source>Every document already has a file; not attached: %1</source>
        <translation>Setiap dokumen sudah punya berkas; tidak dilampirkan: %1</translation>
    </message>
    <message>
        <source>A check failed</source>
        <translation>Pemeriksaan gagal</translation>
    </message>
    <message>
        <source>Checking 1 file…</source>
        <translation>Memeriksa 1 berkas…</translation>
    </message>
    <message>
        <source>Checking %1 files…</source>
        <translation>Memeriksa %1 berkas…</translation>
    </message>
    <message>
        <source>1 error</source>
        <translation>1 kesalahan</translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation>%1 kesalahan</translation>
    </message>
    <message>
        <source>No fix possible</source>
        <translation>Tidak dapat diperbaiki</translation>
    </message>
    <message>
        <source>This file cannot be fixed automatically.</source>
        <translation>Berkas ini tidak dapat diperbaiki secara otomatis.</translation>
    </message>
    <message>
        <source>Fix preview</source>
        <translation>Pratinjau perbaikan</translation>
    </message>
    <message>
        <source>Keep the fixed copy as</source>
        <translation>Simpan salinan perbaikan sebagai</translation>
    </message>
    <message>
        <source>Choose another name</source>
        <translation>Pilih nama lain</translation>
    </message>
    <message>
        <source>Your original file is never overwritten.</source>
        <translation>Berkas asli Anda tidak pernah ditimpa.</translation>
    </message>
    <message>
        <source>Cannot save the fixed copy</source>
        <translation>Salinan perbaikan tidak dapat disimpan</translation>
    </message>
</context>
<context>
    <name>ExplainDialog</name>
    <message>
        <source>Explain a rejection</source>
        <translation>Jelaskan penolakan</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>Klien:</translation>
    </message>
    <message>
        <source>&amp;Signature:</source>
        <translation>&amp;Tanda tangan:</translation>
    </message>
    <message>
        <source>Paste the reason the provider&apos;s console shows</source>
        <translation>Tempel alasan yang ditampilkan konsol penyedia</translation>
    </message>
    <message>
        <source>Rejection text</source>
        <translation>Teks penolakan</translation>
    </message>
    <message>
        <source>E&amp;xplain</source>
        <translation>&amp;Jelaskan</translation>
    </message>
    <message>
        <source>&amp;Mark as rejected and save</source>
        <translation>&amp;Tandai ditolak dan simpan</translation>
    </message>
    <message>
        <source>&amp;Open the step to fix</source>
        <translation>&amp;Buka langkah untuk diperbaiki</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>Sebab:</translation>
    </message>
    <message>
        <source>Fix:</source>
        <translation>Perbaikan:</translation>
    </message>
    <message>
        <source>Step:</source>
        <translation>Langkah:</translation>
    </message>
    <message>
        <source>Cannot save the case</source>
        <translation>Kasus tidak dapat disimpan</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Export the bundle</source>
        <translation>Ekspor paket</translation>
    </message>
    <message>
        <source>One zip with the renamed and fixed files, the letter, the checklist, a README and the API payloads.</source>
        <translation>Satu zip berisi berkas yang sudah diganti nama dan diperbaiki, surat kuasa, daftar dokumen, README, dan data permintaan API.</translation>
    </message>
    <message>
        <source>&amp;Save the bundle as:</source>
        <translation>Simpan paket seb&amp;agai:</translation>
    </message>
    <message>
        <source>Bundle file</source>
        <translation>Berkas paket</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Pilih…</translation>
    </message>
    <message>
        <source>Export even with errors (the bundle is marked INCOMPLETE)</source>
        <translation>Ekspor meskipun ada kesalahan (paket ditandai INCOMPLETE / tidak lengkap)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Ekspor</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Hentikan</translation>
    </message>
    <message>
        <source>Show in fol&amp;der</source>
        <translation>Tampilkan di &amp;folder</translation>
    </message>
    <message>
        <source>Cop&amp;y path</source>
        <translation>Sa&amp;lin jalur</translation>
    </message>
    <message>
        <source>Copy where the bundle was saved</source>
        <translation>Salin lokasi penyimpanan paket</translation>
    </message>
    <message>
        <source>Then upload the files in the provider&apos;s console as the README in the bundle says.</source>
        <translation>Lalu unggah berkas-berkas itu di konsol penyedia sesuai petunjuk README dalam paket.</translation>
    </message>
    <message>
        <source>Save the bundle as</source>
        <translation>Simpan paket sebagai</translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation>Arsip zip (*.zip)</translation>
    </message>
    <message>
        <source>Replace the bundle?</source>
        <translation>Ganti paket?</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 sudah ada. Ganti?</translation>
    </message>
    <message>
        <source>Export an incomplete bundle?</source>
        <translation>Ekspor paket yang tidak lengkap?</translation>
    </message>
    <message>
        <source>A bundle with errors will be rejected by the provider. Export it anyway, marked INCOMPLETE?</source>
        <translation>Paket yang mengandung kesalahan akan ditolak penyedia. Tetap ekspor dengan tanda INCOMPLETE?</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Mengekspor…</translation>
    </message>
    <message>
        <source>Exporting… %1</source>
        <translation>Mengekspor… %1</translation>
    </message>
    <message>
        <source>Export stopped; nothing was written.</source>
        <translation>Ekspor dihentikan; tidak ada yang ditulis.</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>Ekspor gagal: %1</translation>
    </message>
    <message>
        <source>⚠ Incomplete bundle written: %1, in the folder %2. Fix the errors below before uploading.</source>
        <translation>⚠ Paket tidak lengkap ditulis: %1, di folder %2. Perbaiki kesalahan di bawah sebelum mengunggah.</translation>
    </message>
    <message>
        <source>✔ Bundle written: %1 (%2 files), in the folder %3.</source>
        <translation>✔ Paket ditulis: %1 (%2 berkas), di folder %3.</translation>
    </message>
    <message>
        <source>Nothing was exported: 1 error must be fixed first (see below, or the Review step).</source>
        <translation>Tidak ada yang diekspor: 1 kesalahan harus diperbaiki dulu (lihat di bawah, atau langkah Pemeriksaan).</translation>
    </message>
    <message>
        <source>Nothing was exported: %1 errors must be fixed first (see below, or the Review step).</source>
        <translation>Tidak ada yang diekspor: %1 kesalahan harus diperbaiki dulu (lihat di bawah, atau langkah Pemeriksaan).</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Tampilkan di folder</translation>
    </message>
    <message>
        <source>The folder could not be shown (no file manager answered).</source>
        <translation>Folder tidak dapat ditampilkan (tidak ada pengelola berkas yang menjawab).</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>Client: company name</source>
        <translation>Klien: nama perusahaan</translation>
    </message>
    <message>
        <source>Client: credit code</source>
        <translation>Klien: kode kredit</translation>
    </message>
    <message>
        <source>Client: legal representative</source>
        <translation>Klien: perwakilan hukum</translation>
    </message>
    <message>
        <source>Signature name(s)</source>
        <translation>Nama tanda tangan</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Penyedia</translation>
    </message>
    <message>
        <source>Signature type</source>
        <translation>Jenis tanda tangan</translation>
    </message>
    <message>
        <source>Signature use (verification, notification…)</source>
        <translation>Kegunaan tanda tangan (verifikasi, notifikasi…)</translation>
    </message>
    <message>
        <source>For the client or for yourself</source>
        <translation>Untuk klien atau untuk sendiri</translation>
    </message>
    <message>
        <source>Account type</source>
        <translation>Jenis akun</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Wilayah</translation>
    </message>
    <message>
        <source>Applicant: name</source>
        <translation>Pemohon: nama</translation>
    </message>
    <message>
        <source>Applicant: credit code</source>
        <translation>Pemohon: kode kredit</translation>
    </message>
    <message>
        <source>Description of use</source>
        <translation>Deskripsi penggunaan</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Situs web</translation>
    </message>
    <message>
        <source>App name</source>
        <translation>Nama aplikasi</translation>
    </message>
    <message>
        <source>App store link</source>
        <translation>Tautan toko aplikasi</translation>
    </message>
    <message>
        <source>Official account / mini program name</source>
        <translation>Nama akun resmi / program mini</translation>
    </message>
    <message>
        <source>Trademark name</source>
        <translation>Nama merek dagang</translation>
    </message>
    <message>
        <source>Trademark registration number</source>
        <translation>Nomor pendaftaran merek</translation>
    </message>
    <message>
        <source>Landline</source>
        <translation>Telepon kantor</translation>
    </message>
    <message>
        <source>Shop link</source>
        <translation>Tautan toko</translation>
    </message>
    <message>
        <source>ICP filing number</source>
        <translation>Nomor pendaftaran ICP</translation>
    </message>
    <message>
        <source>ID number (checked, not kept)</source>
        <translation>Nomor identitas (diperiksa, tidak disimpan)</translation>
    </message>
    <message>
        <source>Phone (checked, not kept)</source>
        <translation>Telepon (diperiksa, tidak disimpan)</translation>
    </message>
    <message>
        <source>Contact person (not kept)</source>
        <translation>Kontak (tidak disimpan)</translation>
    </message>
    <message>
        <source>Import clients from a spreadsheet</source>
        <translation>Impor klien dari spreadsheet</translation>
    </message>
    <message>
        <source>%1: %2 rows. Each row becomes a new case file in %3.</source>
        <translation>%1: %2 baris. Setiap baris menjadi berkas kasus baru di %3.</translation>
    </message>
    <message>
        <source>Which column holds what (recognised headers are set):</source>
        <translation>Kolom mana berisi apa (judul yang dikenali sudah diatur):</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Baris</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klien</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>Tanda tangan</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>None: each client applies with its own account</source>
        <translation>Tidak ada: setiap klien mengajukan dengan akunnya sendiri</translation>
    </message>
    <message>
        <source>&amp;Applicant (your company):</source>
        <translation>&amp;Pemohon (perusahaan Anda):</translation>
    </message>
    <message>
        <source>As the list says</source>
        <translation>Sesuai daftar</translation>
    </message>
    <message>
        <source>&amp;Provider of rows that name none:</source>
        <translation>Penye&amp;dia untuk baris tanpa penyedia:</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>Nilai pertama</translation>
    </message>
    <message>
        <source>Field of the case</source>
        <translation>Bidang kasus</translation>
    </message>
    <message>
        <source>— not used —</source>
        <translation>— tidak dipakai —</translation>
    </message>
    <message>
        <source>What the first %1 rows become:</source>
        <translation>Hasil %1 baris pertama:</translation>
    </message>
    <message>
        <source>&amp;Import %1 rows</source>
        <translation>&amp;Impor %1 baris</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Ditolak: %1</translation>
    </message>
    <message>
        <source>Still missing: %1</source>
        <translation>Masih kurang: %1</translation>
    </message>
    <message>
        <source>Nothing missing</source>
        <translation>Tidak ada yang kurang</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Impor gagal</translation>
    </message>
    <message>
        <source>%1 case files written to %2 (%3 with nothing missing); %4 rows refused.</source>
        <translation>%1 berkas kasus ditulis ke %2 (%3 tanpa kekurangan); %4 baris ditolak.</translation>
    </message>
</context>
<context>
    <name>LetterPage</name>
    <message>
        <source>Authorization letter</source>
        <translation>Surat kuasa</translation>
    </message>
    <message>
        <source>The owner authorizes the applicant. Generate the letter, have it signed and stamped, then attach the scan.</source>
        <translation>Pemilik memberi kuasa kepada pemohon. Buat suratnya, minta ditandatangani dan dicap, lalu lampirkan pindaiannya.</translation>
    </message>
    <message>
        <source>letter</source>
        <translation>surat</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Surat</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Berlaku dari</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Berlaku sampai</translation>
    </message>
    <message>
        <source>Type the date or pick it in the calendar (Alt+Down)</source>
        <translation>Ketik tanggal atau pilih di kalender (Alt+Bawah)</translation>
    </message>
    <message>
        <source>&amp;Valid from – until:</source>
        <translation>&amp;Berlaku dari – sampai:</translation>
    </message>
    <message>
        <source>Language of the letter</source>
        <translation>Bahasa surat</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>B&amp;ahasa:</translation>
    </message>
    <message>
        <source>Risk bearer</source>
        <translation>Penanggung risiko</translation>
    </message>
    <message>
        <source>Empty: the owner bears the risk</source>
        <translation>Kosong: pemilik menanggung risiko</translation>
    </message>
    <message>
        <source>&amp;Risk bearer:</source>
        <translation>Penanggung &amp;risiko:</translation>
    </message>
    <message>
        <source>&amp;Our template</source>
        <translation>&amp;Templat kami</translation>
    </message>
    <message>
        <source>My own .&amp;docx</source>
        <translation>Berkas .&amp;docx saya sendiri</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>Written: %1, in the folder %2</source>
        <translation>Ditulis: %1, di folder %2</translation>
    </message>
    <message>
        <source>No signed scan attached yet.</source>
        <translation>Belum ada pindaian bertanda tangan yang dilampirkan.</translation>
    </message>
    <message>
        <source>Signed scan attached: %1 (being checked…)</source>
        <translation>Pindaian bertanda tangan terlampir: %1 (sedang diperiksa…)</translation>
    </message>
    <message>
        <source>Signed scan attached: %1. It has problems:</source>
        <translation>Pindaian bertanda tangan terlampir: %1. Ada masalah:</translation>
    </message>
    <message>
        <source>Signed scan attached: %1. ✔ It passes the checks.</source>
        <translation>Pindaian bertanda tangan terlampir: %1. ✔ Lolos pemeriksaan.</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Templat:</translation>
    </message>
    <message>
        <source>The letter&apos;s content checks out.</source>
        <translation>Isi surat sudah benar.</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Langkah-langkah</translation>
    </message>
    <message>
        <source>1. &amp;Generate the letter…</source>
        <translation>1. Buat &amp;surat…</translation>
    </message>
    <message>
        <source>2. Open it to prin&amp;t</source>
        <translation>2. B&amp;uka untuk dicetak</translation>
    </message>
    <message>
        <source>Opens the .docx in your office program</source>
        <translation>Membuka berkas .docx di program perkantoran Anda</translation>
    </message>
    <message>
        <source>3. &amp;Attach the signed scan…</source>
        <translation>3. Lampirkan &amp;pindaian yang sudah ditandatangani…</translation>
    </message>
    <message>
        <source>Cop&amp;y path</source>
        <translation>Sa&amp;lin jalur</translation>
    </message>
    <message>
        <source>Copy where the letter was saved</source>
        <translation>Salin lokasi penyimpanan surat</translation>
    </message>
    <message>
        <source>The legal representative signs by hand and the owner stamps its official seal at the bottom right. Scan or photograph the whole page.</source>
        <translation>Perwakilan hukum menandatangani dengan tangan dan pemilik membubuhkan cap resmi di kanan bawah. Pindai atau foto seluruh halaman.</translation>
    </message>
</context>
<context>
    <name>LetterWriter</name>
    <message>
        <source>Save the %1 as</source>
        <translation>Simpan %1 sebagai</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Dokumen Word (*.docx)</translation>
    </message>
    <message>
        <source>Writing the %1…</source>
        <translation>Menulis %1…</translation>
    </message>
    <message>
        <source>The %1 could not be written.</source>
        <translation>Tidak dapat menulis %1.</translation>
    </message>
    <message>
        <source>No program to open .docx files was found. Open the %1 yourself:</source>
        <translation>Tidak ada program untuk membuka berkas .docx. Buka %1 itu sendiri:</translation>
    </message>
    <message>
        <source>Open it to print</source>
        <translation>Buka untuk dicetak</translation>
    </message>
    <message>
        <source>Cannot attach the file</source>
        <translation>Berkas tidak dapat dilampirkan</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>Client</source>
        <translation>Klien</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>Tanda tangan</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Penyedia</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Blocking problems</source>
        <translation>Masalah yang menghalangi</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Perubahan terakhir</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>Tencent Cloud</source>
        <translation>Tencent Cloud</translation>
    </message>
    <message>
        <source>Alibaba Cloud</source>
        <translation>Alibaba Cloud</translation>
    </message>
    <message>
        <source>Huawei Cloud</source>
        <translation>Huawei Cloud</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Tidak ada</translation>
    </message>
    <message>
        <source>%1 — and %2 more</source>
        <translation>%1 — dan %2 lagi</translation>
    </message>
    <message>
        <source>(no client yet)</source>
        <translation>(belum ada klien)</translation>
    </message>
    <message>
        <source>Cannot be read</source>
        <translation>Tidak dapat dibaca</translation>
    </message>
</context>
<context>
    <name>LibraryWindow</name>
    <message>
        <source>Case library — SMS Signature Assistant</source>
        <translation>Pustaka kasus — Asisten Tanda Tangan SMS</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Kasus</translation>
    </message>
    <message>
        <source>Tip: drop a status list saved from a provider&apos;s command-line tool on the table to update the cases&apos; status.</source>
        <translation>Tips: jatuhkan daftar status yang disimpan dari alat baris perintah penyedia ke tabel untuk memperbarui status kasus.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <source>No folder chosen yet</source>
        <translation>Belum ada folder yang dipilih</translation>
    </message>
    <message>
        <source>C&amp;hoose folder…</source>
        <translation>P&amp;ilih folder…</translation>
    </message>
    <message>
        <source>The folder that holds your cases; it may be on a shared drive</source>
        <translation>Folder yang berisi kasus Anda; boleh di drive bersama</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Segarkan</translation>
    </message>
    <message>
        <source>Read the folder again (F5)</source>
        <translation>Baca folder lagi (F5)</translation>
    </message>
    <message>
        <source>Search client, signature, credit code, problem… (Ctrl+F)</source>
        <translation>Cari klien, tanda tangan, kode kredit, masalah… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search the cases</source>
        <translation>Cari kasus</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Every status</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <source>Cannot be read</source>
        <translation>Tidak dapat dibaca</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Penyedia</translation>
    </message>
    <message>
        <source>Every provider</source>
        <translation>Semua penyedia</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Masalah</translation>
    </message>
    <message>
        <source>With or without problems</source>
        <translation>Dengan atau tanpa masalah</translation>
    </message>
    <message>
        <source>Something still blocks</source>
        <translation>Masih ada yang menghalangi</translation>
    </message>
    <message>
        <source>Nothing blocks</source>
        <translation>Tidak ada yang menghalangi</translation>
    </message>
    <message>
        <source>Choose the folder of your cases</source>
        <translation>Pilih folder kasus Anda</translation>
    </message>
    <message>
        <source>Cannot read the folder</source>
        <translation>Folder tidak dapat dibaca</translation>
    </message>
    <message>
        <source>Choose the folder that holds your cases.</source>
        <translation>Pilih folder yang berisi kasus Anda.</translation>
    </message>
    <message>
        <source>%1 cases, %2 with something that still blocks; %3 shown</source>
        <translation>%1 kasus, %2 masih terhalang; %3 ditampilkan</translation>
    </message>
    <message>
        <source>reading the folder…</source>
        <translation>membaca folder…</translation>
    </message>
    <message>
        <source>&amp;Open in the wizard</source>
        <translation>&amp;Buka di wizard</translation>
    </message>
    <message>
        <source>Open the case (double-click, Enter)</source>
        <translation>Buka kasus (klik ganda, Enter)</translation>
    </message>
    <message>
        <source>&amp;Duplicate for a new client…</source>
        <translation>&amp;Gandakan untuk klien baru…</translation>
    </message>
    <message>
        <source>A new case with the same applicant and provider, for another client</source>
        <translation>Kasus baru dengan pemohon dan penyedia yang sama, untuk klien lain</translation>
    </message>
    <message>
        <source>&amp;Export selected…</source>
        <translation>&amp;Ekspor yang dipilih…</translation>
    </message>
    <message>
        <source>Export the selected cases to a folder, one bundle each, with a summary</source>
        <translation>Ekspor kasus yang dipilih ke folder, satu paket per kasus, dengan ringkasan</translation>
    </message>
    <message>
        <source>E&amp;xplain a rejection…</source>
        <translation>&amp;Jelaskan penolakan…</translation>
    </message>
    <message>
        <source>Paste the reason the console shows: what it means and what to fix</source>
        <translation>Tempel alasan dari konsol: artinya dan apa yang harus diperbaiki</translation>
    </message>
    <message>
        <source>&amp;Import clients…</source>
        <translation>&amp;Impor klien…</translation>
    </message>
    <message>
        <source>One new case per row of a spreadsheet (.xlsx or .csv)</source>
        <translation>Satu kasus baru per baris spreadsheet (.xlsx atau .csv)</translation>
    </message>
    <message>
        <source>&amp;Profiles…</source>
        <translation>&amp;Profil…</translation>
    </message>
    <message>
        <source>Your company and your clients, entered once</source>
        <translation>Perusahaan dan klien Anda, dimasukkan sekali</translation>
    </message>
    <message>
        <source>Duplicate for a new client</source>
        <translation>Gandakan untuk klien baru</translation>
    </message>
    <message>
        <source>The new client&apos;s name (the signature owner; you can change it later):</source>
        <translation>Nama klien baru (pemilik tanda tangan; bisa diubah nanti):</translation>
    </message>
    <message>
        <source>Cannot duplicate the case</source>
        <translation>Kasus tidak dapat digandakan</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Terjadi kesalahan</translation>
    </message>
    <message>
        <source>Export %1 cases to the folder…</source>
        <translation>Ekspor %1 kasus ke folder…</translation>
    </message>
    <message>
        <source>Some cases are not complete</source>
        <translation>Beberapa kasus belum lengkap</translation>
    </message>
    <message>
        <source>%1 of the %2 cases still have problems that block the export. Export them too, marked INCOMPLETE?</source>
        <translation>%1 dari %2 kasus masih punya masalah yang menghalangi ekspor. Ekspor juga, ditandai INCOMPLETE?</translation>
    </message>
    <message>
        <source>No: only the complete cases are exported; the summary lists the others and why.</source>
        <translation>Tidak: hanya kasus lengkap yang diekspor; ringkasan mencantumkan sisanya dan alasannya.</translation>
    </message>
    <message>
        <source>%1 bundles written to %2: %3 complete, %4 marked INCOMPLETE; %5 not exported.</source>
        <translation>%1 paket ditulis ke %2: %3 lengkap, %4 ditandai INCOMPLETE; %5 tidak diekspor.</translation>
    </message>
    <message>
        <source>The summary of every case is in %1.</source>
        <translation>Ringkasan setiap kasus ada di %1.</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>Ekspor selesai</translation>
    </message>
    <message>
        <source>%1: %2 signatures and templates read, %3 cases updated, %4 matched no case.</source>
        <translation>%1: %2 tanda tangan dan templat dibaca, %3 kasus diperbarui, %4 tidak cocok dengan kasus.</translation>
    </message>
    <message>
        <source>Status imported</source>
        <translation>Status diimpor</translation>
    </message>
</context>
<context>
    <name>NameRow</name>
    <message>
        <source>Signature name %1</source>
        <translation>Nama tanda tangan %1</translation>
    </message>
    <message>
        <source>e.g. 腾讯科技 or the company&apos;s short name</source>
        <translation>mis. 腾讯科技 atau nama singkat perusahaan</translation>
    </message>
    <message>
        <source>Remove this name</source>
        <translation>Hapus nama ini</translation>
    </message>
    <message>
        <source>Remove name %1</source>
        <translation>Hapus nama %1</translation>
    </message>
    <message>
        <source>Looks good for this provider.</source>
        <translation>Sudah sesuai untuk penyedia ini.</translation>
    </message>
</context>
<context>
    <name>NamesPage</name>
    <message>
        <source>Signature name</source>
        <translation>Nama tanda tangan</translation>
    </message>
    <message>
        <source>The text shown in 【】 at the start of every message. Checked as you type.</source>
        <translation>Teks yang tampil di dalam 【】 di awal setiap pesan. Diperiksa saat Anda mengetik.</translation>
    </message>
    <message>
        <source>Signature na&amp;mes</source>
        <translation>&amp;Nama tanda tangan</translation>
    </message>
    <message>
        <source>&amp;Add another name</source>
        <translation>&amp;Tambah nama lain</translation>
    </message>
    <message>
        <source>One application can list several names of the same owner (one letter covers them all)</source>
        <translation>Satu permohonan dapat memuat beberapa nama milik pemilik yang sama (satu surat mencakup semuanya)</translation>
    </message>
    <message>
        <source>&amp;Remarks for the reviewer</source>
        <translation>Catatan untuk &amp;peninjau</translation>
    </message>
    <message>
        <source>%1: %2–%3 characters; Chinese characters, letters and digits. Do not type the 【】 brackets.</source>
        <translation>%1: %2–%3 karakter; aksara Tionghoa, huruf, dan angka. Jangan ketik tanda kurung 【】.</translation>
    </message>
    <message>
        <source>%1 (optional)</source>
        <translation>%1 (opsional)</translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation>%1 karakter</translation>
    </message>
    <message>
        <source>Checked against “%1”: the full name or a continuous part of it.</source>
        <translation>Diperiksa terhadap “%1”: nama lengkap atau bagian berurutan darinya.</translation>
    </message>
    <message>
        <source>Once the owner&apos;s registered name is entered (next page), each name is checked against it.</source>
        <translation>Setelah nama terdaftar pemilik diisi (halaman berikutnya), setiap nama diperiksa terhadapnya.</translation>
    </message>
</context>
<context>
    <name>PartiesPage</name>
    <message>
        <source>Applicant and owner</source>
        <translation>Pemohon dan pemilik</translation>
    </message>
    <message>
        <source>Who applies, and who owns the signature. Names exactly as on the business license.</source>
        <translation>Siapa yang mengajukan, dan siapa pemilik tanda tangan. Nama persis seperti pada izin usaha.</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Pemohon</translation>
    </message>
    <message>
        <source>Saved applicants</source>
        <translation>Pemohon tersimpan</translation>
    </message>
    <message>
        <source>Fill in an applicant you saved before</source>
        <translation>Isi dengan pemohon yang pernah Anda simpan</translation>
    </message>
    <message>
        <source>Sa&amp;ved applicants:</source>
        <translation>Pemohon &amp;tersimpan:</translation>
    </message>
    <message>
        <source>Save &amp;applicant</source>
        <translation>Simpan &amp;pemohon</translation>
    </message>
    <message>
        <source>Remember this applicant for your next cases</source>
        <translation>Ingat pemohon ini untuk kasus berikutnya</translation>
    </message>
    <message>
        <source>Full verified name of your cloud account</source>
        <translation>Nama lengkap terverifikasi akun cloud Anda</translation>
    </message>
    <message>
        <source>Applicant name</source>
        <translation>Nama pemohon</translation>
    </message>
    <message>
        <source>18 characters, e.g. 91110000802100433B</source>
        <translation>18 karakter, mis. 91110000802100433B</translation>
    </message>
    <message>
        <source>Applicant credit code</source>
        <translation>Kode kredit pemohon</translation>
    </message>
    <message>
        <source>Valid unified social credit code.</source>
        <translation>Kode kredit sosial terpadu valid.</translation>
    </message>
    <message>
        <source>Nam&amp;e:</source>
        <translation>&amp;Nama:</translation>
    </message>
    <message>
        <source>C&amp;redit code:</source>
        <translation>K&amp;ode kredit:</translation>
    </message>
    <message>
        <source>Credit c&amp;ode:</source>
        <translation>Kode kr&amp;edit:</translation>
    </message>
    <message>
        <source>Signature owner (authorizer)</source>
        <translation>Pemilik tanda tangan (pemberi kuasa)</translation>
    </message>
    <message>
        <source>Pick a saved &amp;profile…</source>
        <translation>Pilih pro&amp;fil tersimpan…</translation>
    </message>
    <message>
        <source>Your company or a client, saved once (copied into this case)</source>
        <translation>Perusahaan Anda atau klien, disimpan sekali (disalin ke kasus ini)</translation>
    </message>
    <message>
        <source>The organization the signature belongs to. It signs and stamps the authorization letter that lets the applicant use the signature.</source>
        <translation>Organisasi pemilik tanda tangan. Organisasi ini menandatangani dan mengecap surat kuasa yang mengizinkan pemohon memakai tanda tangan tersebut.</translation>
    </message>
    <message>
        <source>Full name as on its business license</source>
        <translation>Nama lengkap seperti pada izin usahanya</translation>
    </message>
    <message>
        <source>Owner name</source>
        <translation>Nama pemilik</translation>
    </message>
    <message>
        <source>18 characters</source>
        <translation>18 karakter</translation>
    </message>
    <message>
        <source>Owner credit code</source>
        <translation>Kode kredit pemilik</translation>
    </message>
    <message>
        <source>Signs the letter by hand</source>
        <translation>Menandatangani surat dengan tangan</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>Perwakilan hukum</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>N&amp;ama:</translation>
    </message>
    <message>
        <source>&amp;Legal representative:</source>
        <translation>Perwakilan &amp;hukum:</translation>
    </message>
    <message>
        <source>Applicant (authorized party)</source>
        <translation>Pemohon (penerima kuasa)</translation>
    </message>
    <message>
        <source>The entity your cloud account is verified as. The owner authorizes it to use the signature.</source>
        <translation>Entitas terverifikasi akun cloud Anda. Pemilik memberinya kuasa untuk memakai tanda tangan.</translation>
    </message>
    <message>
        <source>Applicant (signature owner)</source>
        <translation>Pemohon (pemilik tanda tangan)</translation>
    </message>
    <message>
        <source>The entity your cloud account is verified as; the signature belongs to it.</source>
        <translation>Entitas terverifikasi akun cloud Anda; tanda tangan adalah miliknya.</translation>
    </message>
    <message>
        <source>Your name exactly as your cloud account is verified.</source>
        <translation>Nama Anda persis seperti verifikasi akun cloud Anda.</translation>
    </message>
    <message>
        <source>(none saved yet)</source>
        <translation>(belum ada yang disimpan)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>The profiles could not be saved in %1: %2</source>
        <translation>Profil tidak dapat disimpan di %1: %2</translation>
    </message>
    <message>
        <source>The signature&apos;s owner, checked</source>
        <translation>Pemilik tanda tangan, diperiksa</translation>
    </message>
    <message>
        <source>Owner&apos;s entity type</source>
        <translation>Tipe entitas pemilik</translation>
    </message>
    <message>
        <source>Not said (guessed from the name and credit code)</source>
        <translation>Tidak disebut (ditebak dari nama dan kode kredit)</translation>
    </message>
    <message>
        <source>En&amp;tity type:</source>
        <translation>&amp;Jenis entitas:</translation>
    </message>
    <message>
        <source>Restricted industry</source>
        <translation>Industri terbatas</translation>
    </message>
    <message>
        <source>Restricted indu&amp;stry:</source>
        <translation>&amp;Industri terbatas:</translation>
    </message>
    <message>
        <source>The names are part of the owner&apos;s registered name.</source>
        <translation>Nama-nama itu bagian dari nama terdaftar pemilik.</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Belum dijawab</translation>
    </message>
    <message>
        <source>None of these</source>
        <translation>Tidak satu pun</translation>
    </message>
</context>
<context>
    <name>ProfilesDialog</name>
    <message>
        <source>Pick a saved profile</source>
        <translation>Pilih profil tersimpan</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Kept in %1</source>
        <translation>Disimpan di %1</translation>
    </message>
    <message>
        <source>Saved profiles</source>
        <translation>Profil tersimpan</translation>
    </message>
    <message>
        <source>Your company (the applicant)</source>
        <translation>Perusahaan Anda (pemohon)</translation>
    </message>
    <message>
        <source>A client (owner of signatures)</source>
        <translation>Klien (pemilik tanda tangan)</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Jenis:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nama:</translation>
    </message>
    <message>
        <source>&amp;Credit code:</source>
        <translation>&amp;Kode kredit:</translation>
    </message>
    <message>
        <source>&amp;Legal representative:</source>
        <translation>Per&amp;wakilan hukum:</translation>
    </message>
    <message>
        <source>Licence &amp;file:</source>
        <translation>Be&amp;rkas izin:</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>&amp;Catatan:</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Baru</translation>
    </message>
    <message>
        <source>&amp;Licence file…</source>
        <translation>Berkas &amp;izin usaha…</translation>
    </message>
    <message>
        <source>&amp;Save profile</source>
        <translation>&amp;Simpan profil</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <source>A profile is copied into a case when you pick it: editing it later does not change cases made before.</source>
        <translation>Profil disalin ke kasus saat dipilih: mengubahnya nanti tidak mengubah kasus sebelumnya.</translation>
    </message>
    <message>
        <source>&amp;Use this profile</source>
        <translation>&amp;Gunakan profil ini</translation>
    </message>
    <message>
        <source>Your company</source>
        <translation>Perusahaan Anda</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klien</translation>
    </message>
    <message>
        <source>Cannot save the profiles</source>
        <translation>Profil tidak dapat disimpan</translation>
    </message>
</context>
<context>
    <name>ProviderPage</name>
    <message>
        <source>Provider and account</source>
        <translation>Penyedia dan akun</translation>
    </message>
    <message>
        <source>Where will you send the messages from, and whose signature is it?</source>
        <translation>Dari mana Anda akan mengirim pesan, dan milik siapa tanda tangannya?</translation>
    </message>
    <message>
        <source>Cloud &amp;provider</source>
        <translation>&amp;Penyedia cloud</translation>
    </message>
    <message>
        <source>Apply in: %1</source>
        <translation>Ajukan di: %1</translation>
    </message>
    <message>
        <source>&amp;Where are the messages sent?</source>
        <translation>Ke mana pesan diki&amp;rim?</translation>
    </message>
    <message>
        <source>How is your cloud &amp;account verified?</source>
        <translation>Bagaimana &amp;akun cloud Anda diverifikasi?</translation>
    </message>
    <message>
        <source>Whose &amp;signature is it?</source>
        <translation>Milik siapa &amp;tanda tangan ini?</translation>
    </message>
    <message>
        <source>Nothing is chosen for you: answer each question to go on.</source>
        <translation>Tidak ada yang dipilihkan untuk Anda: jawab setiap pertanyaan untuk melanjutkan.</translation>
    </message>
</context>
<context>
    <name>QualificationPage</name>
    <message>
        <source>&amp;Generate the commitment letter…</source>
        <translation>&amp;Buat surat komitmen…</translation>
    </message>
    <message>
        <source>(if asked)</source>
        <translation>(bila diminta)</translation>
    </message>
    <message>
        <source>Administrator (handler, 经办人)</source>
        <translation>Administrator (petugas, 经办人)</translation>
    </message>
    <message>
        <source>Approved qualification id</source>
        <translation>ID kualifikasi yang disetujui</translation>
    </message>
    <message>
        <source>As on the Parties page</source>
        <translation>Sesuai halaman Pihak</translation>
    </message>
    <message>
        <source>As the console&apos;s qualification list shows it</source>
        <translation>Seperti di daftar kualifikasi konsol</translation>
    </message>
    <message>
        <source>Colour photos of the original cards, the whole card in the picture. The licence is attached on the Documents step. The bundle removes every metadata (location, camera) from these photos.</source>
        <translation>Foto berwarna kartu asli, seluruh kartu terlihat. Izin usaha dilampirkan di langkah Dokumen. Paket menghapus semua metadata (lokasi, kamera) dari foto ini.</translation>
    </message>
    <message>
        <source>Commitment letter (合规使用承诺函)</source>
        <translation>Surat komitmen (合规使用承诺函)</translation>
    </message>
    <message>
        <source>commitment letter</source>
        <translation>surat komitmen</translation>
    </message>
    <message>
        <source>From the Parties page: %1</source>
        <translation>Dari halaman Pihak: %1</translation>
    </message>
    <message>
        <source>I already have an approved &amp;qualification: id</source>
        <translation>Saya sudah punya &amp;kualifikasi yang disetujui: ID</translation>
    </message>
    <message>
        <source>ID photos and signed letters</source>
        <translation>Foto identitas dan surat bertanda tangan</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>Perwakilan hukum</translation>
    </message>
    <message>
        <source>Open it to print</source>
        <translation>Buka untuk dicetak</translation>
    </message>
    <message>
        <source>Owner, exactly as on its licence</source>
        <translation>Pemilik, persis seperti di izinnya</translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation>Kualifikasi</translation>
    </message>
    <message>
        <source>Signing &amp;date:</source>
        <translation>&amp;Tanggal tanda tangan:</translation>
    </message>
    <message>
        <source>The provider asks for it before any signature: the owner exactly as on its licence, its legal representative and the administrator who manages SMS. Or give the id of a qualification already approved.</source>
        <translation>Penyedia memintanya sebelum tanda tangan apa pun: pemilik persis seperti di izinnya, perwakilan hukumnya, dan administrator yang mengelola SMS. Atau masukkan ID kualifikasi yang sudah disetujui.</translation>
    </message>
    <message>
        <source>The qualification</source>
        <translation>Kualifikasi</translation>
    </message>
    <message>
        <source>The qualification passes every check.</source>
        <translation>Kualifikasi lolos semua pemeriksaan.</translation>
    </message>
    <message>
        <source>Written: %1, in the folder %2. Print it, have it signed and stamped, then attach the scan below.</source>
        <translation>Ditulis: %1, di folder %2. Cetak, tandatangani dan stempel, lalu lampirkan pindaiannya di bawah.</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, or empty to date it by hand</source>
        <translation>YYYY-MM-DD, atau kosong untuk ditulis tangan</translation>
    </message>
</context>
<context>
    <name>RejectionDialog</name>
    <message>
        <source>Rejected? Paste the reason</source>
        <translation>Ditolak? Tempel alasannya</translation>
    </message>
    <message>
        <source>Paste the text the provider&apos;s console shows with the rejection, in any wording, Chinese or English. The program says what it means, what to fix, and where.</source>
        <translation>Tempel teks yang ditampilkan konsol penyedia bersama penolakan, dengan kata apa pun, bahasa Tionghoa atau Inggris. Program menjelaskan artinya, apa yang harus diperbaiki, dan di mana.</translation>
    </message>
    <message>
        <source>&amp;Rejection text:</source>
        <translation>&amp;Teks penolakan:</translation>
    </message>
    <message>
        <source>Rejection text</source>
        <translation>Teks penolakan</translation>
    </message>
    <message>
        <source>e.g. 审核不通过：授权委托书未加盖公章</source>
        <translation>mis. 审核不通过：授权委托书未加盖公章</translation>
    </message>
    <message>
        <source>&amp;Matching reasons, best first:</source>
        <translation>Ala&amp;san yang cocok, paling cocok dulu:</translation>
    </message>
    <message>
        <source>Matching reasons</source>
        <translation>Alasan yang cocok</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Penyedia:</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Penyedia</translation>
    </message>
    <message>
        <source>Any provider</source>
        <translation>Penyedia mana pun</translation>
    </message>
    <message>
        <source>&amp;Signature:</source>
        <translation>Tanda t&amp;angan:</translation>
    </message>
    <message>
        <source>Which signature was rejected</source>
        <translation>Tanda tangan mana yang ditolak</translation>
    </message>
    <message>
        <source>Re&amp;cord the rejection</source>
        <translation>&amp;Catat penolakan</translation>
    </message>
    <message>
        <source>Mark the signature rejected with this text, in the case (then save it)</source>
        <translation>Tandai tanda tangan ditolak dengan teks ini di kasus (lalu simpan kasusnya)</translation>
    </message>
    <message>
        <source>&amp;Go to this step</source>
        <translation>Ke langkah i&amp;ni</translation>
    </message>
    <message>
        <source>Record the rejection and open the step to fix, with the field highlighted</source>
        <translation>Catat penolakan dan buka langkah yang harus diperbaiki, dengan kolomnya disorot</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Case: %1 (opened when you record the rejection)</source>
        <translation>Kasus: %1 (dibuka saat Anda mencatat penolakan)</translation>
    </message>
    <message>
        <source>No case is open: to record the rejection, select the case under Recent cases (or open it) first.</source>
        <translation>Tidak ada kasus yang terbuka: untuk mencatat penolakan, pilih dulu kasusnya di Kasus terakhir (atau buka kasusnya).</translation>
    </message>
    <message>
        <source>Case: %1</source>
        <translation>Kasus: %1</translation>
    </message>
    <message>
        <source>Case: the one open now (not saved yet)</source>
        <translation>Kasus: yang sedang terbuka (belum disimpan)</translation>
    </message>
    <message>
        <source>It has no signature name yet, so nothing can be recorded.</source>
        <translation>Kasus ini belum punya nama tanda tangan, jadi tidak ada yang bisa dicatat.</translation>
    </message>
    <message>
        <source>Signature: %1</source>
        <translation>Tanda tangan: %1</translation>
    </message>
    <message>
        <source>Which signature was rejected?</source>
        <translation>Tanda tangan mana yang ditolak?</translation>
    </message>
    <message>
        <source>The text could not be explained: %1</source>
        <translation>Teks tidak dapat dijelaskan: %1</translation>
    </message>
    <message>
        <source>Paste or type the rejection text above.</source>
        <translation>Tempel atau ketik teks penolakan di atas.</translation>
    </message>
    <message>
        <source>1 known reason fits this text.</source>
        <translation>1 alasan yang dikenal cocok dengan teks ini.</translation>
    </message>
    <message>
        <source>%1 known reasons fit this text.</source>
        <translation>%1 alasan yang dikenal cocok dengan teks ini.</translation>
    </message>
    <message>
        <source>Recorded: %1 rejected. Save the case to keep it.</source>
        <translation>Tercatat: %1 ditolak. Simpan kasus untuk menyimpannya.</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review</source>
        <translation>Pemeriksaan</translation>
    </message>
    <message>
        <source>Everything that is still wrong, by step. Double-click a line (or press Enter) to go and fix it.</source>
        <translation>Semua yang masih salah, per langkah. Klik dua kali sebuah baris (atau tekan Enter) untuk memperbaikinya.</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Hentikan</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>Periksa la&amp;gi</translation>
    </message>
    <message>
        <source>Remaining problems</source>
        <translation>Masalah yang tersisa</translation>
    </message>
    <message>
        <source>&amp;Go to this step</source>
        <translation>Ke langkah i&amp;ni</translation>
    </message>
    <message>
        <source>Re&amp;jected? Paste the reason…</source>
        <translation>&amp;Ditolak? Tempel alasannya…</translation>
    </message>
    <message>
        <source>Checking everything…</source>
        <translation>Memeriksa semuanya…</translation>
    </message>
    <message>
        <source>Checking everything… %1</source>
        <translation>Memeriksa semuanya… %1</translation>
    </message>
    <message>
        <source>Checks stopped. Press “Check again” to run them.</source>
        <translation>Pemeriksaan dihentikan. Tekan “Periksa lagi” untuk menjalankannya.</translation>
    </message>
    <message>
        <source>The checks failed: %1</source>
        <translation>Pemeriksaan gagal: %1</translation>
    </message>
    <message>
        <source>1 error</source>
        <translation>1 kesalahan</translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation>%1 kesalahan</translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation>1 peringatan</translation>
    </message>
    <message>
        <source>%1 warnings</source>
        <translation>%1 peringatan</translation>
    </message>
    <message>
        <source>%1 must be fixed before export; %2 to look at.</source>
        <translation>%1 harus diperbaiki sebelum ekspor; %2 perlu dilihat.</translation>
    </message>
    <message>
        <source>%1 must be fixed before export.</source>
        <translation>%1 harus diperbaiki sebelum ekspor.</translation>
    </message>
    <message>
        <source>Ready to export. %1 worth a look.</source>
        <translation>Siap diekspor. %1 layak dilihat.</translation>
    </message>
    <message>
        <source>✔ Everything checks out. Ready to export.</source>
        <translation>✔ Semua sudah benar. Siap diekspor.</translation>
    </message>
</context>
<context>
    <name>SignatureRow</name>
    <message>
        <source>Submitted</source>
        <translation>Diajukan</translation>
    </message>
    <message>
        <source>Record that this signature was submitted in the console today</source>
        <translation>Catat bahwa tanda tangan ini diajukan di konsol hari ini</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Disetujui</translation>
    </message>
    <message>
        <source>Record that the provider approved this signature today</source>
        <translation>Catat bahwa penyedia menyetujui tanda tangan ini hari ini</translation>
    </message>
    <message>
        <source>Rejected…</source>
        <translation>Ditolak…</translation>
    </message>
    <message>
        <source>Paste the provider&apos;s reason: see what it means and where to fix it</source>
        <translation>Tempel alasan dari penyedia: lihat artinya dan di mana memperbaikinya</translation>
    </message>
    <message>
        <source>Last message sent:</source>
        <translation>Pesan terakhir dikirim:</translation>
    </message>
    <message>
        <source>Last message sent with %1</source>
        <translation>Pesan terakhir yang dikirim dengan %1</translation>
    </message>
    <message>
        <source>The carriers drop a filing after six months without sending: the warning counts from this day</source>
        <translation>Operator menghapus pendaftaran setelah enam bulan tanpa pengiriman: peringatan dihitung dari hari ini</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>tidak diketahui</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Tidak diketahui</translation>
    </message>
    <message>
        <source>not filed yet</source>
        <translation>belum didaftarkan</translation>
    </message>
    <message>
        <source>filing in progress</source>
        <translation>sedang didaftarkan</translation>
    </message>
    <message>
        <source>filed</source>
        <translation>terdaftar</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>gagal</translation>
    </message>
    <message>
        <source>lapsed</source>
        <translation>kedaluwarsa</translation>
    </message>
    <message>
        <source>Carrier filing:</source>
        <translation>Pendaftaran operator:</translation>
    </message>
</context>
<context>
    <name>SignatureTypePage</name>
    <message>
        <source>Signature type</source>
        <translation>Tipe tanda tangan</translation>
    </message>
    <message>
        <source>What is the signature named after? This decides the documents you need.</source>
        <translation>Tanda tangan dinamai menurut apa? Ini menentukan dokumen yang Anda perlukan.</translation>
    </message>
    <message>
        <source>Signature &amp;type</source>
        <translation>&amp;Tipe tanda tangan</translation>
    </message>
    <message>
        <source>&amp;Kind of messages</source>
        <translation>&amp;Jenis pesan</translation>
    </message>
    <message>
        <source>None of this provider&apos;s signature types can be chosen with this account and purpose. Go back and change them.</source>
        <translation>Tidak ada tipe tanda tangan penyedia ini yang dapat dipilih dengan akun dan tujuan ini. Kembali dan ubah pilihannya.</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Prepare an SMS signature application</source>
        <translation>Siapkan permohonan tanda tangan SMS</translation>
    </message>
    <message>
        <source>For Tencent Cloud, Alibaba Cloud and Huawei Cloud. A few plain questions, then the documents, checks and one bundle to upload. Nothing leaves this computer.</source>
        <translation>Untuk Tencent Cloud, Alibaba Cloud, dan Huawei Cloud. Beberapa pertanyaan sederhana, lalu dokumen, pemeriksaan, dan satu paket untuk diunggah. Tidak ada data yang keluar dari komputer ini.</translation>
    </message>
    <message>
        <source>&amp;Discard draft</source>
        <translation>&amp;Buang draf</translation>
    </message>
    <message>
        <source>Delete the autosaved draft</source>
        <translation>Hapus draf yang disimpan otomatis</translation>
    </message>
    <message>
        <source>Continue where you &amp;left off</source>
        <translation>Lan&amp;jutkan dari yang terakhir</translation>
    </message>
    <message>
        <source>Ne&amp;w application</source>
        <translation>Permohonan ba&amp;ru</translation>
    </message>
    <message>
        <source>Start from the beginning: choose the provider and what you apply for.</source>
        <translation>Mulai dari awal: pilih penyedia dan apa yang Anda ajukan.</translation>
    </message>
    <message>
        <source>&amp;Open a saved case…</source>
        <translation>B&amp;uka kasus tersimpan…</translation>
    </message>
    <message>
        <source>Continue an application saved as a .smscase.json file.</source>
        <translation>Lanjutkan permohonan yang disimpan sebagai berkas .smscase.json.</translation>
    </message>
    <message>
        <source>Case li&amp;brary…</source>
        <translation>&amp;Pustaka kasus…</translation>
    </message>
    <message>
        <source>For agencies: every client&apos;s case in one table, import a client list, export many.</source>
        <translation>Untuk agensi: kasus setiap klien dalam satu tabel, impor daftar klien, ekspor banyak sekaligus.</translation>
    </message>
    <message>
        <source>&amp;Recent cases</source>
        <translation>Kasus &amp;terakhir</translation>
    </message>
    <message>
        <source>Re&amp;jected? Paste the reason…</source>
        <translation>&amp;Ditolak? Tempel alasannya…</translation>
    </message>
    <message>
        <source>What the provider&apos;s reason means and where to fix it, recorded on the case selected below</source>
        <translation>Arti alasan dari penyedia dan di mana memperbaikinya, dicatat pada kasus yang dipilih di bawah</translation>
    </message>
    <message>
        <source>Recent cases</source>
        <translation>Kasus terakhir</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open</source>
        <translation>Klik dua kali atau tekan Enter untuk membuka</translation>
    </message>
    <message>
        <source>No recent cases yet. Cases you save appear here, so an agency can switch clients quickly.</source>
        <translation>Belum ada kasus terakhir. Kasus yang Anda simpan muncul di sini, sehingga agensi dapat berganti klien dengan cepat.</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>Ba&amp;hasa</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Bahasa antarmuka</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Bahasa sistem</translation>
    </message>
    <message>
        <source>A draft was kept automatically (last change %1). Nothing you typed is lost.</source>
        <translation>Draf disimpan otomatis (perubahan terakhir %1). Tidak ada ketikan Anda yang hilang.</translation>
    </message>
    <message>
        <source>(not found)</source>
        <translation>(tidak ditemukan)</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>Status after submission</source>
        <translation>Status setelah pengajuan</translation>
    </message>
    <message>
        <source>Record what the provider answers, or drop here the status list its command-line tool saved (JSON): the case keeps each signature&apos;s review, its filing with each carrier and the last day a message was sent.</source>
        <translation>Catat jawaban penyedia, atau jatuhkan di sini daftar status yang disimpan alat baris perintahnya (JSON): kasus menyimpan peninjauan setiap tanda tangan, pendaftarannya di setiap operator, dan hari terakhir pesan dikirim.</translation>
    </message>
    <message>
        <source>Stage: %1</source>
        <translation>Tahap: %1</translation>
    </message>
    <message>
        <source>No signature name yet: the status is kept per signature.</source>
        <translation>Belum ada nama tanda tangan: status dicatat per tanda tangan.</translation>
    </message>
    <message>
        <source>%1: 1 change in this case.</source>
        <translation>%1: 1 perubahan di kasus ini.</translation>
    </message>
    <message>
        <source>%1: %2 changes in this case.</source>
        <translation>%1: %2 perubahan di kasus ini.</translation>
    </message>
    <message>
        <source>%1: nothing in it changes this case (1 signature or template read).</source>
        <translation>%1: tidak ada isinya yang mengubah kasus ini (1 tanda tangan atau templat dibaca).</translation>
    </message>
    <message>
        <source>%1: nothing in it changes this case (%2 signatures or templates read).</source>
        <translation>%1: tidak ada isinya yang mengubah kasus ini (%2 tanda tangan atau templat dibaca).</translation>
    </message>
</context>
<context>
    <name>TemplateRow</name>
    <message>
        <source>Kind of template</source>
        <translation>Jenis templat</translation>
    </message>
    <message>
        <source>Signature it is sent with</source>
        <translation>Tanda tangan yang dipakai saat mengirim</translation>
    </message>
    <message>
        <source>Remove this template</source>
        <translation>Hapus templat ini</translation>
    </message>
    <message>
        <source>Template text</source>
        <translation>Teks templat</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Teks:</translation>
    </message>
    <message>
        <source>Scene description</source>
        <translation>Deskripsi skenario</translation>
    </message>
    <message>
        <source>Where and when it is sent, with a link to the page or app</source>
        <translation>Di mana dan kapan dikirim, dengan tautan ke halaman atau aplikasi</translation>
    </message>
    <message>
        <source>Scene:</source>
        <translation>Skenario:</translation>
    </message>
    <message>
        <source>Looks good for this provider.</source>
        <translation>Sesuai aturan penyedia ini.</translation>
    </message>
    <message>
        <source>Message preview</source>
        <translation>Pratinjau pesan</translation>
    </message>
    <message>
        <source>Length and number of SMS</source>
        <translation>Panjang dan jumlah SMS</translation>
    </message>
    <message>
        <source>Attribute of %1</source>
        <translation>Atribut %1</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>(pilih)</translation>
    </message>
    <message>
        <source>Example value of %1</source>
        <translation>Contoh nilai %1</translation>
    </message>
    <message>
        <source>Variable %1:</source>
        <translation>Variabel %1:</translation>
    </message>
</context>
<context>
    <name>TemplatesPage</name>
    <message>
        <source>SMS templates</source>
        <translation>Templat SMS</translation>
    </message>
    <message>
        <source>Optional: the messages you will send with the signature, checked as you type against the provider&apos;s template rules.</source>
        <translation>Opsional: pesan yang akan Anda kirim dengan tanda tangan ini, diperiksa saat mengetik terhadap aturan templat penyedia.</translation>
    </message>
    <message>
        <source>&amp;Templates</source>
        <translation>&amp;Templat</translation>
    </message>
    <message>
        <source>&amp;Add a template</source>
        <translation>T&amp;ambah templat</translation>
    </message>
    <message>
        <source>Add an SMS template to apply for</source>
        <translation>Tambahkan templat SMS yang akan diajukan</translation>
    </message>
    <message>
        <source>Write variables as this provider does, e.g. %1. Promotion templates end with 拒收请回复R. Do not type the signature or 【】.</source>
        <translation>Tulis variabel seperti penyedia ini, misalnya %1. Templat promosi diakhiri 拒收请回复R. Jangan ketik tanda tangan atau 【】.</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(kosong)</translation>
    </message>
    <message>
        <source>%1 characters · %2 SMS</source>
        <translation>%1 karakter · %2 SMS</translation>
    </message>
</context>
<context>
    <name>ValidityEdit</name>
    <message>
        <source>Long-term (长期)</source>
        <translation>Jangka panjang (长期)</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Berlaku dari</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Berlaku sampai</translation>
    </message>
</context>
<context>
    <name>about</name>
    <message>
        <source>SMS Signature Assistant</source>
        <translation>SMS Signature Assistant</translation>
    </message>
    <message>
        <source>Prepares and pre-checks SMS signature applications for Tencent Cloud, Alibaba Cloud and Huawei Cloud. Works offline: nothing you enter or attach leaves this computer.</source>
        <translation>Menyiapkan dan memeriksa lebih dulu permohonan tanda tangan SMS untuk Tencent Cloud, Alibaba Cloud, dan Huawei Cloud. Bekerja luring: apa pun yang Anda masukkan atau lampirkan tidak keluar dari komputer ini.</translation>
    </message>
    <message>
        <source>Rule packs</source>
        <translation>Paket aturan</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Penyedia</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versi</translation>
    </message>
    <message>
        <source>Sources read</source>
        <translation>Sumber dibaca</translation>
    </message>
    <message>
        <source>Rules change often: check the provider console when in doubt.</source>
        <translation>Aturan sering berubah: jika ragu, periksa konsol penyedia.</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>SMS signature cases (*.smscase.json);;All files (*)</source>
        <translation>Kasus tanda tangan SMS (*.smscase.json);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>Buka kasus</translation>
    </message>
    <message>
        <source>Save case as</source>
        <translation>Simpan kasus sebagai</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Lampirkan berkas</translation>
    </message>
    <message>
        <source>Images and PDF (*.jpg *.jpeg *.png *.gif *.pdf *.webp *.heic *.bmp *.tif *.tiff);;All files (*)</source>
        <translation>Gambar dan PDF (*.jpg *.jpeg *.png *.gif *.pdf *.webp *.heic *.bmp *.tif *.tiff);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Choose a letter template</source>
        <translation>Pilih templat surat</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Dokumen Word (*.docx)</translation>
    </message>
    <message>
        <source>Import clients from a spreadsheet</source>
        <translation>Impor klien dari spreadsheet</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xlsm *.csv *.txt *.tsv);;All files (*)</source>
        <translation>Spreadsheet (*.xlsx *.xlsm *.csv *.txt *.tsv);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Changed on disk</source>
        <translation>Berubah di disk</translation>
    </message>
    <message>
        <source>%1 was changed by another window or a colleague since you opened it.</source>
        <translation>%1 telah diubah oleh jendela lain atau rekan sejak Anda membukanya.</translation>
    </message>
    <message>
        <source>Saving now replaces their changes with yours. Save yours under another name to keep both.</source>
        <translation>Menyimpan sekarang menimpa perubahan mereka dengan milik Anda. Simpan dengan nama lain untuk menyimpan keduanya.</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>Simpan &amp;sebagai…</translation>
    </message>
    <message>
        <source>&amp;Replace their changes</source>
        <translation>&amp;Timpa perubahan mereka</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Perubahan belum disimpan</translation>
    </message>
    <message>
        <source>This case has changes that are not saved.</source>
        <translation>Kasus ini memiliki perubahan yang belum disimpan.</translation>
    </message>
    <message>
        <source>Do you want to save them before closing?</source>
        <translation>Simpan dulu sebelum menutup?</translation>
    </message>
    <message>
        <source>Before (your original, unchanged)</source>
        <translation>Sebelum (berkas asli Anda, tidak berubah)</translation>
    </message>
    <message>
        <source>After (a new copy)</source>
        <translation>Sesudah (salinan baru)</translation>
    </message>
    <message>
        <source>(no preview)</source>
        <translation>(tidak ada pratinjau)</translation>
    </message>
    <message>
        <source>&amp;Use the fixed copy…</source>
        <translation>&amp;Pakai salinan perbaikan…</translation>
    </message>
    <message>
        <source>The file %1 is in the folder:</source>
        <translation>Berkas %1 ada di folder:</translation>
    </message>
    <message>
        <source>&amp;Copy the path</source>
        <translation>&amp;Salin jalur</translation>
    </message>
</context>
<context>
    <name>widgets</name>
    <message>
        <source>Error</source>
        <translation>Kesalahan</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Peringatan</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Temuan</translation>
    </message>
    <message>
        <source>Use “%1”</source>
        <translation>Pakai “%1”</translation>
    </message>
    <message>
        <source>1 error on this step</source>
        <translation>1 kesalahan di langkah ini</translation>
    </message>
    <message>
        <source>%1 errors on this step</source>
        <translation>%1 kesalahan di langkah ini</translation>
    </message>
    <message>
        <source>Replace the text with the corrected value</source>
        <translation>Ganti teks dengan nilai yang sudah diperbaiki</translation>
    </message>
    <message>
        <source>Apply the fix: %1</source>
        <translation>Terapkan perbaikan: %1</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Langkah</translation>
    </message>
</context>
</TS>
