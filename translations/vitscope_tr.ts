<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr_TR" sourcelanguage="en">
<context>
    <name>CoreMessages</name>
    <message>
        <location filename="../ui/core_messages.cpp" line="27"/>
        <source>the feature cache is off</source>
        <translation>öznitelik önbelleği kapalı</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="28"/>
        <source>augmentation changes the images every epoch</source>
        <translation>veri artırma görüntüleri her epokta değiştirir</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="30"/>
        <source>the model&apos;s dropout makes the frozen part&apos;s output random</source>
        <translation>modelin dropout&apos;u dondurulmuş kısmın çıktısını rastgele yapar</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="39"/>
        <source>training</source>
        <translation>eğitim</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="41"/>
        <source>validation</source>
        <translation>doğrulama</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="42"/>
        <source>test</source>
        <translation>test</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="49"/>
        <source>its folder&apos;s label is used</source>
        <translation>klasörünün etiketi kullanılıyor</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="50"/>
        <source>not used</source>
        <translation>kullanılmadı</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="62"/>
        <source>fine-tune %1: %2 of %3 parameters train</source>
        <translation>ince ayar %1: %3 parametrenin %2 tanesi eğitiliyor</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="67"/>
        <source>fine-tune %1 without pretrained weights: the frozen part stays random, so what trains has little to learn from</source>
        <translation>önceden eğitilmiş ağırlıklar olmadan %1 ince ayarı: dondurulmuş kısım rastgele kalır, bu yüzden eğitilen kısmın öğrenebileceği pek bir şey yok</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="70"/>
        <source>early stopping: no improvement in %1 epochs</source>
        <translation>erken durdurma: %1 epoktur iyileşme yok</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="72"/>
        <source>resumed at epoch %1, step %2</source>
        <translation>%1. epokta, %2. adımda devam edildi</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="74"/>
        <source>training steps will replay from a CUDA graph after %1 ordinary steps</source>
        <translation>eğitim adımları, %1 olağan adımdan sonra bir CUDA grafiğinden yeniden oynatılacak</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="76"/>
        <source>CUDA graph not used (%1); ordinary steps, same results</source>
        <translation>CUDA grafiği kullanılmadı (%1); olağan adımlar, aynı sonuçlar</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="78"/>
        <source>stopped at step %1; resumable from %2</source>
        <translation>%1. adımda durduruldu; şuradan devam ettirilebilir: %2</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="81"/>
        <source>calibration: temperature %1 fitted on %2 validation images (ECE %3 → %4)</source>
        <translation>kalibrasyon: %2 doğrulama görüntüsünde sıcaklık %1 olarak uyduruldu (ECE %3 → %4)</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="87"/>
        <source>the frozen part is computed again at every step (%1): slower than from cached features</source>
        <translation>dondurulmuş kısım her adımda yeniden hesaplanıyor (%1): önbellekteki özniteliklerden daha yavaş</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="91"/>
        <source>frozen part (%1): features of %2 of %3 images from the cache, %4 computed; %5</source>
        <translation>dondurulmuş kısım (%1): %3 görüntünün %2 tanesinin öznitelikleri önbellekten alındı, %4 tanesi hesaplandı; %5</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="95"/>
        <source>finished an interrupted checkpoint swap (last.tmp became last)</source>
        <translation>yarıda kalan bir kontrol noktası değişimi tamamlandı (last.tmp, last oldu)</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="97"/>
        <source>rolled back an interrupted checkpoint swap (last.old became last)</source>
        <translation>yarıda kalan bir kontrol noktası değişimi geri alındı (last.old, last oldu)</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="98"/>
        <source>removed the left-over %1</source>
        <translation>artakalan %1 silindi</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="100"/>
        <source>resuming from the checkpoint of the best epoch (%1): the epochs after it are trained again</source>
        <translation>en iyi epokun (%1) kontrol noktasından devam ediliyor: ondan sonraki epoklar yeniden eğitilir</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="102"/>
        <source>batch %1 keeps the run&apos;s global batch</source>
        <translation>%1 grup boyutu, çalıştırmanın toplam grup boyutunu korur</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="104"/>
        <source>run %1 has no checkpoint yet: it starts again from the beginning, as recorded</source>
        <translation>%1 çalıştırmasının henüz kontrol noktası yok: kaydedildiği gibi baştan başlıyor</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="106"/>
        <source>label not applied: %1: %2</source>
        <translation>etiket uygulanmadı: %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="110"/>
        <source>labelled &apos;%1&apos; (%2) but no longer in the data set</source>
        <translation>&apos;%1&apos; olarak etiketlenmiş (%2) ama artık veri kümesinde değil</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="113"/>
        <source>labelled &apos;%1&apos; (%2), which is not a class folder: %3</source>
        <translation>&apos;%1&apos; olarak etiketlenmiş (%2), bu bir sınıf klasörü değil: %3</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="116"/>
        <source>changed since it was excluded (%1): %2</source>
        <translation>dışlandığından beri değişmiş (%1): %2</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="119"/>
        <source>changed since it was labelled &apos;%1&apos; (%2): %3</source>
        <translation>&apos;%1&apos; olarak etiketlendiğinden beri değişmiş (%2): %3</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="121"/>
        <source>excluded (%1)</source>
        <translation>dışlandı (%1)</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="123"/>
        <source>excluded (%1): %2</source>
        <translation>dışlandı (%1): %2</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="127"/>
        <source>no test split: the validation split selects the best model, so its metrics are optimistic; report them as validation results, not as test results</source>
        <translation>test bölümü yok: en iyi modeli doğrulama bölümü seçer, bu yüzden ölçümleri iyimserdir; bunları test sonuçları olarak değil, doğrulama sonuçları olarak bildirin</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="131"/>
        <source>WARNING: %1 identical image(s) appear in more than one split part; evaluation results are inflated</source>
        <translation>UYARI: %1 özdeş görüntü birden fazla bölümde yer alıyor; değerlendirme sonuçları olduğundan yüksek çıkar</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="135"/>
        <source>no model.safetensors: every weight initialised from the config (training from scratch)</source>
        <translation>model.safetensors yok: tüm ağırlıklar yapılandırmadan başlatıldı (sıfırdan eğitim)</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="138"/>
        <source>classification head is new (%1 labels), initialised randomly: it must be trained before predictions mean anything</source>
        <translation>sınıflandırma katmanı yeni (%1 etiket), rastgele başlatıldı: tahminlerin bir anlamı olması için önce eğitilmesi gerekir</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="142"/>
        <source>weights not in the checkpoint, newly initialised: %1</source>
        <translation>kontrol noktasında olmayan, yeni başlatılan ağırlıklar: %1</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="144"/>
        <source>weights in the checkpoint that this model does not use: %1</source>
        <translation>kontrol noktasında olup bu modelin kullanmadığı ağırlıklar: %1</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="146"/>
        <source>scanning %1</source>
        <translation>%1 taranıyor</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="148"/>
        <source>loading %1 images</source>
        <translation>%1 görüntüleri yükleniyor</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="150"/>
        <source>computing frozen features (%1)</source>
        <translation>dondurulmuş öznitelikler hesaplanıyor (%1)</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="152"/>
        <source>computing frozen features</source>
        <translation>dondurulmuş öznitelikler hesaplanıyor</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="153"/>
        <source>cross-validating</source>
        <translation>çapraz doğrulama yapılıyor</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="155"/>
        <source>CPU, 1 thread</source>
        <translation>CPU, 1 iş parçacığı</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="156"/>
        <source>CPU, %1 threads</source>
        <translation>CPU, %1 iş parçacığı</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="157"/>
        <source>CUDA device %1</source>
        <translation>CUDA aygıtı %1</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="159"/>
        <source>scan cancelled</source>
        <translation>tarama iptal edildi</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="161"/>
        <source>data set folder %1 does not exist or is not a folder</source>
        <translation>%1 veri kümesi klasörü yok ya da bir klasör değil</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="165"/>
        <source>the data set needs at least 2 classes with 2 or more usable images each (found %1); expected one sub-folder per class in %2; %3 image file(s) could not be used, the first %4: %5</source>
        <translation>veri kümesi, her birinde en az 2 kullanılabilir görüntü olan en az 2 sınıf gerektirir (%1 bulundu); %2 içinde her sınıf için bir alt klasör beklenir; %3 görüntü dosyası kullanılamadı, ilki %4: %5</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="171"/>
        <source>the data set needs at least 2 classes with 2 or more usable images each (found %1); expected one sub-folder per class in %2</source>
        <translation>veri kümesi, her birinde en az 2 kullanılabilir görüntü olan en az 2 sınıf gerektirir (%1 bulundu); %2 içinde her sınıf için bir alt klasör beklenir</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="176"/>
        <source>&apos;%1&apos; lies directly in the root, outside any class folder: ignored</source>
        <translation>&apos;%1&apos; doğrudan kök klasörde, hiçbir sınıf klasöründe değil: yok sayıldı</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="178"/>
        <source>class &apos;%1&apos; has no usable images</source>
        <translation>&apos;%1&apos; sınıfında kullanılabilir görüntü yok</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="180"/>
        <source>class &apos;%1&apos; has only 1 usable image: too few to split</source>
        <translation>&apos;%1&apos; sınıfında yalnızca 1 kullanılabilir görüntü var: bölmek için çok az</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="182"/>
        <source>%1 line(s) of the label manifest %2 could not be read (torn by a crash?) and were skipped</source>
        <translation>%2 etiket listesinin %1 satırı okunamadı (bir çökmede yarım mı kaldı?) ve atlandı</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="186"/>
        <source>folder &apos;%1&apos; cannot be read (%2): its images are not counted</source>
        <translation>&apos;%1&apos; klasörü okunamıyor (%2): görüntüleri sayılmadı</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="189"/>
        <source>folder &apos;%1&apos; could not be read to the end (%2)</source>
        <translation>&apos;%1&apos; klasörü sonuna kadar okunamadı (%2)</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="192"/>
        <source>%1 cannot be examined (%2): not counted</source>
        <translation>%1 incelenemiyor (%2): sayılmadı</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="194"/>
        <source>%1 is a link to a folder: not followed</source>
        <translation>%1 bir klasöre bağlantı: izlenmedi</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="197"/>
        <source>model folder %1 does not exist</source>
        <translation>%1 model klasörü yok</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="199"/>
        <source>model folder %1 has no config.json</source>
        <translation>%1 model klasöründe config.json yok</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="203"/>
        <source>%1 holds pytorch_model.bin (pickle); only model.safetensors is read. Convert it with transformers&apos; save_pretrained(safe_serialization=True).</source>
        <translation>%1 pytorch_model.bin (pickle) içeriyor; yalnızca model.safetensors okunur. transformers&apos;ın save_pretrained(safe_serialization=True) işleviyle dönüştürün.</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="208"/>
        <source>%1 has no model weights (model.safetensors is a link to a file that does not exist)</source>
        <translation>%1 içinde model ağırlıkları yok (model.safetensors, var olmayan bir dosyaya bağlantı)</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="212"/>
        <source>%1: &apos;%2&apos; holds NaN or infinite values: the model cannot predict (a training run that diverged, or a damaged file)</source>
        <translation>%1: &apos;%2&apos; NaN ya da sonsuz değerler içeriyor: model tahmin yapamaz (ıraksamış bir eğitim çalıştırması ya da hasarlı bir dosya)</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="217"/>
        <source>%1: &apos;%2&apos; has shape %3 in the checkpoint but the config needs %4</source>
        <translation>%1: &apos;%2&apos; kontrol noktasında %3 biçiminde ama yapılandırma %4 gerektiriyor</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="224"/>
        <source>%1 lacks all %2 of the model&apos;s backbone weights: random weights cannot predict; is it the right file for this config.json?</source>
        <translation>%1 içinde modelin gövde ağırlıklarının tümü (%2) eksik: rastgele ağırlıklarla tahmin yapılamaz; bu config.json için doğru dosya mı?</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="227"/>
        <source>%1 lacks %2 of the model&apos;s backbone weights (&apos;%3&apos; first): random weights cannot predict; is it the right file for this config.json?</source>
        <translation>%1 içinde modelin gövde ağırlıklarının %2 tanesi eksik (ilki &apos;%3&apos;): rastgele ağırlıklarla tahmin yapılamaz; bu config.json için doğru dosya mı?</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="232"/>
        <source>cancelled while preparing the data</source>
        <translation>veri hazırlanırken iptal edildi</translation>
    </message>
    <message>
        <location filename="../ui/core_messages.cpp" line="234"/>
        <source>%1 already holds a run: resume it or choose another folder</source>
        <translation>%1 zaten bir çalıştırma içeriyor: onu devam ettirin ya da başka bir klasör seçin</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../ui/csv_export.cpp" line="16"/>
        <source>For research use only. Not for use in diagnostic procedures.</source>
        <translation>Yalnızca araştırma amaçlıdır. Tanı işlemlerinde kullanılmaz.</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <location filename="../ui/theme.cpp" line="86"/>
        <source>%1&#xa0;%</source>
        <translation>%%1</translation>
    </message>
</context>
<context>
    <name>ImageReasons</name>
    <message>
        <location filename="../ui/image_reasons.cpp" line="17"/>
        <source>broken symbolic link</source>
        <translation>bozuk sembolik bağlantı</translation>
    </message>
    <message>
        <location filename="../ui/image_reasons.cpp" line="18"/>
        <source>file not found</source>
        <translation>dosya bulunamadı</translation>
    </message>
    <message>
        <location filename="../ui/image_reasons.cpp" line="19"/>
        <source>is a folder, not an image file</source>
        <translation>bir klasör, görüntü dosyası değil</translation>
    </message>
    <message>
        <location filename="../ui/image_reasons.cpp" line="21"/>
        <source>not a regular file (a FIFO, device or socket)</source>
        <translation>normal bir dosya değil (FIFO, aygıt ya da soket)</translation>
    </message>
    <message>
        <location filename="../ui/image_reasons.cpp" line="22"/>
        <source>read error</source>
        <translation>okuma hatası</translation>
    </message>
    <message>
        <location filename="../ui/image_reasons.cpp" line="23"/>
        <source>empty file (0 bytes)</source>
        <translation>boş dosya (0 bayt)</translation>
    </message>
    <message>
        <location filename="../ui/image_reasons.cpp" line="25"/>
        <source>not an image (a text file with an image extension)</source>
        <translation>görüntü değil (görüntü uzantılı bir metin dosyası)</translation>
    </message>
    <message>
        <location filename="../ui/image_reasons.cpp" line="26"/>
        <source>not an image (unrecognised file contents)</source>
        <translation>görüntü değil (tanınmayan dosya içeriği)</translation>
    </message>
    <message>
        <location filename="../ui/image_reasons.cpp" line="28"/>
        <source>unsupported format (GIF): convert it to PNG or JPEG</source>
        <translation>desteklenmeyen biçim (GIF): PNG ya da JPEG biçimine dönüştürün</translation>
    </message>
    <message>
        <location filename="../ui/image_reasons.cpp" line="30"/>
        <source>truncated or corrupt JPEG (no end-of-image marker)</source>
        <translation>kesik ya da bozuk JPEG (görüntü sonu işaretçisi yok)</translation>
    </message>
    <message>
        <location filename="../ui/image_reasons.cpp" line="31"/>
        <source>truncated or corrupt PNG (no IEND chunk)</source>
        <translation>kesik ya da bozuk PNG (IEND parçası yok)</translation>
    </message>
    <message>
        <location filename="../ui/image_reasons.cpp" line="33"/>
        <source>unsupported pixel type (floating-point or signed samples)</source>
        <translation>desteklenmeyen piksel türü (kayan noktalı ya da işaretli örnekler)</translation>
    </message>
    <message>
        <location filename="../ui/image_reasons.cpp" line="34"/>
        <source>16-bit converted to 8-bit</source>
        <translation>16 bitten 8 bite dönüştürüldü</translation>
    </message>
    <message>
        <location filename="../ui/image_reasons.cpp" line="35"/>
        <source>cannot be read (%1)</source>
        <translation>okunamıyor (%1)</translation>
    </message>
    <message>
        <location filename="../ui/image_reasons.cpp" line="37"/>
        <source>corrupt %1 data (%2)</source>
        <translation>bozuk %1 verisi (%2)</translation>
    </message>
    <message>
        <location filename="../ui/image_reasons.cpp" line="39"/>
        <source>corrupt %1 data: the decoder could not read it</source>
        <translation>bozuk %1 verisi: çözücü okuyamadı</translation>
    </message>
    <message>
        <location filename="../ui/image_reasons.cpp" line="43"/>
        <source>image is %1x%2 (%3 megapixels), over the %4-megapixel limit; refused before decoding</source>
        <translation>görüntü %1x%2 (%3 megapiksel), %4 megapiksel sınırının üzerinde; çözülmeden reddedildi</translation>
    </message>
    <message>
        <location filename="../ui/image_reasons.cpp" line="48"/>
        <source>its TIFF tiles are %1x%2 (%3 megapixels), over the %4-megapixel limit; refused before decoding</source>
        <translation>TIFF döşemeleri %1x%2 (%3 megapiksel), %4 megapiksel sınırının üzerinde; çözülmeden reddedildi</translation>
    </message>
    <message>
        <location filename="../ui/image_reasons.cpp" line="52"/>
        <source>the decoder could not read this tiled TIFF: convert it to PNG, or to a TIFF without tiles</source>
        <translation>çözücü bu döşemeli TIFF&apos;i okuyamadı: PNG&apos;ye ya da döşemesiz bir TIFF&apos;e dönüştürün</translation>
    </message>
    <message>
        <location filename="../ui/image_reasons.cpp" line="54"/>
        <source>image is over the %1-megapixel limit</source>
        <translation>görüntü %1 megapiksel sınırının üzerinde</translation>
    </message>
    <message>
        <location filename="../ui/image_reasons.cpp" line="56"/>
        <source>not an image: a file without an extension (vitscope reads JPEG, PNG, BMP, TIFF and WebP)</source>
        <translation>görüntü değil: uzantısız bir dosya (vitscope JPEG, PNG, BMP, TIFF ve WebP okur)</translation>
    </message>
    <message>
        <location filename="../ui/image_reasons.cpp" line="58"/>
        <source>not an image: a %1 file (vitscope reads JPEG, PNG, BMP, TIFF and WebP)</source>
        <translation>görüntü değil: bir %1 dosyası (vitscope JPEG, PNG, BMP, TIFF ve WebP okur)</translation>
    </message>
    <message>
        <location filename="../ui/image_reasons.cpp" line="61"/>
        <source>the file is %1 MB, larger than an image vitscope reads (%2 MB)</source>
        <translation>dosya %1 MB, vitscope&apos;un okuduğu bir görüntüden büyük (%2 MB)</translation>
    </message>
    <message>
        <location filename="../ui/image_reasons.cpp" line="64"/>
        <source>corrupt %1 data: its header does not give the image&apos;s size</source>
        <translation>bozuk %1 verisi: başlığı görüntünün boyutunu vermiyor</translation>
    </message>
    <message>
        <location filename="../ui/image_reasons.cpp" line="67"/>
        <source>unsupported channel count %1</source>
        <translation>desteklenmeyen kanal sayısı %1</translation>
    </message>
</context>
<context>
    <name>Trust</name>
    <message>
        <location filename="../ui/trust_text.cpp" line="36"/>
        <source>%1 set: empty (no class reaches this level; the image may be unlike the calibration images)</source>
        <translation>%1 küme: boş (bu düzeye ulaşan sınıf yok; görüntü kalibrasyon görüntülerine benzemiyor olabilir)</translation>
    </message>
    <message>
        <location filename="../ui/trust_text.cpp" line="40"/>
        <source>%1 set: %2</source>
        <translation>%1 küme: %2</translation>
    </message>
    <message>
        <location filename="../ui/trust_text.cpp" line="45"/>
        <source>Uncertain — review</source>
        <translation>Belirsiz — inceleyin</translation>
    </message>
    <message>
        <location filename="../ui/trust_text.cpp" line="51"/>
        <source>no class is plausible at the chosen level</source>
        <translation>seçilen düzeyde olası bir sınıf yok</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/trust_text.cpp" line="54"/>
        <source>%n classes are plausible at the chosen level</source>
        <translation>
            <numerusform>seçilen düzeyde %n sınıf olası</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/trust_text.cpp" line="57"/>
        <source>the top probability %1 is below the review threshold %2</source>
        <translation>en yüksek olasılık %1, inceleme sınırı %2 değerinin altında</translation>
    </message>
    <message>
        <location filename="../ui/trust_text.cpp" line="63"/>
        <source>A %1 set holds the true class for about %1 of images like the validation images it was calibrated on, on average; it is no promise for a single image, nor for images from another hospital, scope or population.</source>
        <translation>%1 küme, kalibre edildiği doğrulama görüntülerine benzeyen görüntülerin ortalama yaklaşık %1 kadarında gerçek sınıfı içerir; tek bir görüntü için ya da başka bir hastane, endoskop veya hasta topluluğundan gelen görüntüler için bir güvence değildir.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/trust_text.cpp" line="72"/>
        <source>Calibrated probabilities (temperature %1, fitted on only %n held-out image(s): rough; more held-out images make it firmer).</source>
        <translation>
            <numerusform>Kalibre edilmiş olasılıklar (sıcaklık %1, yalnızca ayrılmış %n görüntüde uyarlandı: kaba; daha çok ayrılmış görüntü onu sağlamlaştırır).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/trust_text.cpp" line="75"/>
        <source>Calibrated probabilities (temperature %1, fitted on %n held-out image(s)).</source>
        <translation>
            <numerusform>Kalibre edilmiş olasılıklar (sıcaklık %1, ayrılmış %n görüntüde uyarlandı).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/trust_text.cpp" line="81"/>
        <source>Uncalibrated: this model has no calibration, so its percentages may be over-confident.</source>
        <translation>Kalibre edilmemiş: bu modelin kalibrasyonu yok, bu yüzden yüzdeleri aşırı emin olabilir.</translation>
    </message>
    <message>
        <location filename="../ui/trust_text.cpp" line="86"/>
        <source>Maps are approximate aids to judge a prediction: not a segmentation and not a diagnosis.</source>
        <translation>Haritalar bir tahmini değerlendirmeye yardımcı yaklaşık araçlardır: bölütleme değildir, tanı değildir.</translation>
    </message>
</context>
<context>
    <name>UserGuide</name>
    <message>
        <location filename="../ui/user_guide.cpp" line="32"/>
        <source>vitscope user guide</source>
        <translation>vitscope kullanım kılavuzu</translation>
    </message>
</context>
<context>
    <name>vitscope::ClassCountModel</name>
    <message numerus="yes">
        <location filename="../ui/class_count_model.cpp" line="35"/>
        <source>%1 (%n images, %2 from sub-folders)</source>
        <translation>
            <numerusform>%1 (%n görüntü, %2 tanesi alt klasörlerden)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/class_count_model.cpp" line="36"/>
        <source>%1 (%n images)</source>
        <translation>
            <numerusform>%1 (%n görüntü)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/class_count_model.cpp" line="38"/>
        <source> — train %1 · val %2 · test %3</source>
        <translation> — eğitim %1 · doğrulama %2 · test %3</translation>
    </message>
</context>
<context>
    <name>vitscope::ConfusionMatrixModel</name>
    <message numerus="yes">
        <location filename="../ui/confusion_model.cpp" line="66"/>
        <source>True %1, predicted %2: %n image(s), %3 of the row</source>
        <translation>
            <numerusform>Gerçek %1, tahmin %2: %n görüntü, satırın %3 kadarı</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/confusion_model.cpp" line="86"/>
        <source>Predicted: %1</source>
        <translation>Tahmin: %1</translation>
    </message>
    <message>
        <location filename="../ui/confusion_model.cpp" line="86"/>
        <source>True: %1</source>
        <translation>Gerçek: %1</translation>
    </message>
</context>
<context>
    <name>vitscope::DatasetView</name>
    <message>
        <location filename="../ui/dataset_view.cpp" line="38"/>
        <source>&amp;Open data set…</source>
        <translation>Veri kümesi &amp;aç…</translation>
    </message>
    <message>
        <location filename="../ui/dataset_view.cpp" line="39"/>
        <source>Open a folder with one sub-folder per class (%1).</source>
        <translation>Her sınıf için bir alt klasör içeren bir klasör açın (%1).</translation>
    </message>
    <message>
        <location filename="../ui/dataset_view.cpp" line="44"/>
        <source>Open a data set: a folder with one sub-folder per class.</source>
        <translation>Bir veri kümesi açın: her sınıf için bir alt klasör içeren bir klasör.</translation>
    </message>
    <message>
        <location filename="../ui/dataset_view.cpp" line="48"/>
        <source>&amp;Cancel scan</source>
        <translation>Taramayı &amp;iptal et</translation>
    </message>
    <message>
        <location filename="../ui/dataset_view.cpp" line="67"/>
        <source>Pick a class (click it or use the arrow keys) to show its images.</source>
        <translation>Görüntülerini görmek için bir sınıf seçin (tıklayın ya da ok tuşlarını kullanın).</translation>
    </message>
    <message>
        <location filename="../ui/dataset_view.cpp" line="73"/>
        <source>Classes</source>
        <translation>Sınıflar</translation>
    </message>
    <message>
        <location filename="../ui/dataset_view.cpp" line="75"/>
        <source>Bad files, conversions and duplicates</source>
        <translation>Hatalı dosyalar, dönüştürmeler ve kopyalar</translation>
    </message>
    <message>
        <location filename="../ui/dataset_view.cpp" line="91"/>
        <location filename="../ui/dataset_view.cpp" line="277"/>
        <source>Select an image.</source>
        <translation>Bir görüntü seçin.</translation>
    </message>
    <message>
        <location filename="../ui/dataset_view.cpp" line="102"/>
        <source>Images</source>
        <translation>Görüntüler</translation>
    </message>
    <message>
        <location filename="../ui/dataset_view.cpp" line="142"/>
        <source>Scanning %1…</source>
        <translation>%1 taranıyor…</translation>
    </message>
    <message>
        <location filename="../ui/dataset_view.cpp" line="166"/>
        <source>Scan of %1 cancelled.</source>
        <translation>%1 taraması iptal edildi.</translation>
    </message>
    <message>
        <location filename="../ui/dataset_view.cpp" line="202"/>
        <source>Bad: %1 — %2</source>
        <translation>Hatalı: %1 — %2</translation>
    </message>
    <message>
        <location filename="../ui/dataset_view.cpp" line="204"/>
        <source>Converted: %1 — %2</source>
        <translation>Dönüştürüldü: %1 — %2</translation>
    </message>
    <message>
        <location filename="../ui/dataset_view.cpp" line="209"/>
        <source>Identical files: %1</source>
        <translation>Aynı dosyalar: %1</translation>
    </message>
    <message>
        <location filename="../ui/dataset_view.cpp" line="212"/>
        <source>Label not applied: %1 — %2</source>
        <translation>Etiket uygulanmadı: %1 — %2</translation>
    </message>
    <message>
        <location filename="../ui/dataset_view.cpp" line="214"/>
        <source>Excluded: %1 — %2</source>
        <translation>Dışlandı: %1 — %2</translation>
    </message>
    <message>
        <location filename="../ui/dataset_view.cpp" line="216"/>
        <source>Labels: %1 relabelled and %2 added through %3 (the image files are unchanged).</source>
        <translation>Etiketler: %3 aracılığıyla %1 yeniden etiketlendi ve %2 eklendi (görüntü dosyaları değişmedi).</translation>
    </message>
    <message>
        <location filename="../ui/dataset_view.cpp" line="223"/>
        <source>No problems found.</source>
        <translation>Sorun bulunmadı.</translation>
    </message>
    <message>
        <location filename="../ui/dataset_view.cpp" line="224"/>
        <source>%1: %2 usable of %3 image files in %4 classes; %5 bad, %6 groups of identical files. Sizes %7x%8 to %9x%10.</source>
        <translation>%1: %4 sınıfta %3 görüntü dosyasından %2 tanesi kullanılabilir; %5 hatalı, %6 grup aynı dosya. Boyutlar %7x%8 ile %9x%10 arası.</translation>
    </message>
    <message>
        <location filename="../ui/dataset_view.cpp" line="236"/>
        <source>This data set cannot be used: %1</source>
        <translation>Bu veri kümesi kullanılamaz: %1</translation>
    </message>
    <message>
        <location filename="../ui/dataset_view.cpp" line="303"/>
        <source>%1
%2 x %3, %4 %5, class %6%7</source>
        <translation>%1
%2 x %3, %4 %5, sınıf %6%7</translation>
    </message>
</context>
<context>
    <name>vitscope::EstimatePanel</name>
    <message numerus="yes">
        <location filename="../ui/estimate_panel.cpp" line="31"/>
        <source>%n s</source>
        <translation>
            <numerusform>%n sn</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/estimate_panel.cpp" line="33"/>
        <source>%1 min %2 s</source>
        <translation>%1 dk %2 sn</translation>
    </message>
    <message>
        <location filename="../ui/estimate_panel.cpp" line="34"/>
        <source>%1 h %2 min</source>
        <translation>%1 sa %2 dk</translation>
    </message>
    <message>
        <location filename="../ui/estimate_panel.cpp" line="41"/>
        <source>Whole network</source>
        <translation>Tüm ağ</translation>
    </message>
    <message>
        <location filename="../ui/estimate_panel.cpp" line="44"/>
        <source>Last block</source>
        <translation>Son blok</translation>
    </message>
    <message>
        <location filename="../ui/estimate_panel.cpp" line="44"/>
        <source>Last %1 blocks</source>
        <translation>Son %1 blok</translation>
    </message>
    <message>
        <location filename="../ui/estimate_panel.cpp" line="46"/>
        <source>Classifier only</source>
        <translation>Yalnızca sınıflandırıcı</translation>
    </message>
    <message>
        <location filename="../ui/estimate_panel.cpp" line="73"/>
        <source>Estimate how long it ta&amp;kes</source>
        <translation>&amp;Ne kadar süreceğini tahmin et</translation>
    </message>
    <message>
        <location filename="../ui/estimate_panel.cpp" line="74"/>
        <source>Times a few training steps of this model on this computer for each way of fine-tuning, and says how long the whole run would take (what is already cached counts). Takes a few minutes for ViT-B/16 on a CPU.</source>
        <translation>Bu modelin birkaç eğitim adımını bu bilgisayarda her ince ayar yolu için ölçer ve tüm çalıştırmanın ne kadar süreceğini söyler (önbellekte olanlar hesaba katılır). CPU üzerinde ViT-B/16 için birkaç dakika sürer.</translation>
    </message>
    <message>
        <location filename="../ui/estimate_panel.cpp" line="79"/>
        <source>Fine-tune</source>
        <translation>İnce ayar</translation>
    </message>
    <message>
        <location filename="../ui/estimate_panel.cpp" line="79"/>
        <source>Precision</source>
        <translation>Hassasiyet</translation>
    </message>
    <message>
        <location filename="../ui/estimate_panel.cpp" line="79"/>
        <source>Per epoch</source>
        <translation>Epok başına</translation>
    </message>
    <message>
        <location filename="../ui/estimate_panel.cpp" line="79"/>
        <source>Total</source>
        <translation>Toplam</translation>
    </message>
    <message>
        <location filename="../ui/estimate_panel.cpp" line="103"/>
        <source>Timing a few steps on this computer…</source>
        <translation>Bu bilgisayarda birkaç adım ölçülüyor…</translation>
    </message>
    <message>
        <location filename="../ui/estimate_panel.cpp" line="109"/>
        <source>No estimate: %1</source>
        <translation>Tahmin yok: %1</translation>
    </message>
    <message>
        <location filename="../ui/estimate_panel.cpp" line="124"/>
        <source>including %1 once, to decode images and compute features not cached yet</source>
        <translation>önbellekte olmayan görüntüleri çözmek ve özellikleri hesaplamak için bir kez %1 dahil</translation>
    </message>
    <message>
        <location filename="../ui/estimate_panel.cpp" line="131"/>
        <source>%1 · %2 training, %3 validation, %4 test images; %5 not cached yet.</source>
        <translation>%1 · %2 eğitim, %3 doğrulama, %4 test görüntüsü; %5 henüz önbellekte değil.</translation>
    </message>
</context>
<context>
    <name>vitscope::EvaluateView</name>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="41"/>
        <source>Test (best model)</source>
        <translation>Test (en iyi model)</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="43"/>
        <source>Validation (best model)</source>
        <translation>Doğrulama (en iyi model)</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="44"/>
        <source>Validation, epoch %1</source>
        <translation>Doğrulama, %1. epok</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="74"/>
        <source>Which images the matrix counts: the test or validation part with the best model, or the validation part at the end of an epoch.</source>
        <translation>Matrisin hangi görüntüleri saydığı: en iyi modelle test ya da doğrulama bölümü veya bir epok sonundaki doğrulama bölümü.</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="75"/>
        <source>&amp;Normalise rows</source>
        <translation>Satırları &amp;normalleştir</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="76"/>
        <source>Show each cell as a share of its true class instead of a count.</source>
        <translation>Her hücreyi sayı yerine gerçek sınıfının payı olarak göster.</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="96"/>
        <source>Open a run to review its confusion matrix.</source>
        <translation>Karışıklık matrisini incelemek için bir çalıştırma açın.</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="78"/>
        <source>E&amp;xport matrix as PNG…</source>
        <translation>Matrisi P&amp;NG olarak dışa aktar…</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="63"/>
        <source> (%1 CI %2–%3)</source>
        <translation> (%1 GA %2–%3)</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="79"/>
        <source>Export table as C&amp;SV…</source>
        <translation>Tabloyu C&amp;SV olarak dışa aktar…</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="80"/>
        <source>Rep&amp;ort…</source>
        <translation>&amp;Rapor…</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="81"/>
        <source>Write a report a reviewer can read (HTML and PDF, in the interface&apos;s language) into the run folder: intended use, data, recipe, metrics with intervals, calibration, prediction sets, explanation examples and limitations; and a model card beside the exported model.</source>
        <translation>Çalıştırma klasörüne bir değerlendiricinin okuyabileceği bir rapor yaz (HTML ve PDF, arayüz dilinde): kullanım amacı, veri, tarif, aralıklarıyla ölçümler, kalibrasyon, tahmin kümeleri, açıklama örnekleri ve sınırlılıklar; ayrıca dışa aktarılan modelin yanına bir model kartı.</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="87"/>
        <source>Pa&amp;rt:</source>
        <translation>Bölü&amp;m:</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="106"/>
        <source>Rows: true class. Columns: predicted class. Click a cell, or move to it and press Enter, to see its images.</source>
        <translation>Satırlar: gerçek sınıf. Sütunlar: tahmin edilen sınıf. Görüntülerini görmek için bir hücreye tıklayın ya da ona gidip Enter tuşuna basın.</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="114"/>
        <source>Predicted class</source>
        <translation>Tahmin edilen sınıf</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="117"/>
        <source>True class</source>
        <translation>Gerçek sınıf</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="124"/>
        <location filename="../ui/evaluate_view.cpp" line="286"/>
        <source>Click a cell of the matrix.</source>
        <translation>Matristen bir hücreye tıklayın.</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="133"/>
        <source>Double-click an image to open it in the Predict view.</source>
        <translation>Tahmin görünümünde açmak için bir görüntüye çift tıklayın.</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="137"/>
        <source>Per c&amp;lass</source>
        <translation>Sınıf &amp;başına</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="138"/>
        <source>&amp;Calibration</source>
        <translation>&amp;Kalibrasyon</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="147"/>
        <source>Revie&amp;w these images</source>
        <translation>Bu görüntüleri &amp;incele</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="148"/>
        <source>Opens this cell&apos;s images in the Review view, most probably mislabelled first, to fix their labels from the keyboard.</source>
        <translation>Bu hücrenin görüntülerini, etiketlerini klavyeden düzeltmek için İnceleme görünümünde açar; büyük olasılıkla yanlış etiketli olanlar önce.</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="201"/>
        <source>%1 has no evaluation results yet.</source>
        <translation>%1 için henüz değerlendirme sonucu yok.</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="227"/>
        <source>The Predict view uses this run&apos;s best model.</source>
        <translation>Tahmin görünümü bu çalıştırmanın en iyi modelini kullanıyor.</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="229"/>
        <source>The Predict view has no model; an image opened from the gallery below gives it this run&apos;s best model.</source>
        <translation>Tahmin görünümünde model yok; aşağıdaki galeriden açılan bir görüntü ona bu çalıştırmanın en iyi modelini verir.</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="231"/>
        <source>The Predict view uses another model (%1); an image opened from the gallery below switches it to this run&apos;s best model.</source>
        <translation>Tahmin görünümü başka bir model kullanıyor (%1); aşağıdaki galeriden açılan bir görüntü onu bu çalıştırmanın en iyi modeline geçirir.</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="245"/>
        <source>Cannot show these results: %1</source>
        <translation>Bu sonuçlar gösterilemiyor: %1</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="257"/>
        <source>%1 of run %2: %3 images. Accuracy %4, weighted F1 %5, macro F1 %6, MCC %7, loss %8.</source>
        <translation>%2 çalıştırmasının %1 bölümü: %3 görüntü. Doğruluk %4, ağırlıklı F1 %5, makro F1 %6, MCC %7, kayıp %8.</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="266"/>
        <source>Class</source>
        <translation>Sınıf</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="266"/>
        <source>Precision</source>
        <translation>Kesinlik</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="266"/>
        <source>Recall</source>
        <translation>Duyarlılık</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="266"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="266"/>
        <source>Support</source>
        <translation>Destek</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="269"/>
        <source>Set coverage</source>
        <translation>Küme kapsamı</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="269"/>
        <source>Mean set size</source>
        <translation>Ortalama küme boyutu</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="285"/>
        <source>Per-image predictions are kept for the best model only (test and validation parts).</source>
        <translation>Görüntü başına tahminler yalnızca en iyi model için saklanır (test ve doğrulama bölümleri).</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/evaluate_view.cpp" line="299"/>
        <source>True %1, predicted %2: %n image(s), most confident first.</source>
        <translation>
            <numerusform>Gerçek %1, tahmin %2: %n görüntü, en emin olunan önce.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="305"/>
        <location filename="../ui/evaluate_view.cpp" line="307"/>
        <location filename="../ui/evaluate_view.cpp" line="319"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="314"/>
        <source>%1: %2 (raw %3)</source>
        <translation>%1: %2 (ham %3)</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view_export.cpp" line="32"/>
        <source>%1 of run %2</source>
        <translation>%2 çalıştırmasının %1 bölümü</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view_export.cpp" line="77"/>
        <source>Writing the report of %1 (explanation examples take a few seconds)…</source>
        <translation>%1 raporu yazılıyor (açıklama örnekleri birkaç saniye sürer)…</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view_export.cpp" line="86"/>
        <source>Cannot write the report: %1</source>
        <translation>Rapor yazılamıyor: %1</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view_export.cpp" line="90"/>
        <source>Report written: &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt; and %3.</source>
        <translation>Rapor yazıldı: &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt; ve %3.</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view_export.cpp" line="101"/>
        <source>Export confusion matrix</source>
        <translation>Karışıklık matrisini dışa aktar</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view_export.cpp" line="101"/>
        <source>PNG images (*.png)</source>
        <translation>PNG görüntüleri (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view_export.cpp" line="107"/>
        <location filename="../ui/evaluate_view_export.cpp" line="118"/>
        <source>Cannot write %1</source>
        <translation>%1 yazılamıyor</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view_export.cpp" line="112"/>
        <source>Export per-class table</source>
        <translation>Sınıf başına tabloyu dışa aktar</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view_export.cpp" line="112"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV dosyaları (*.csv)</translation>
    </message>
</context>
<context>
    <name>vitscope::FolderDiagram</name>
    <message>
        <location filename="../ui/start_page.cpp" line="122"/>
        <source>Folder layout of a data set: my-data, and in it polyps, normal-cecum and esophagitis, each holding images</source>
        <translation>Bir veri kümesinin klasör düzeni: verilerim ve içinde her biri görüntüler içeren polyps, normal-cecum ve esophagitis</translation>
    </message>
    <message>
        <location filename="../ui/start_page.cpp" line="141"/>
        <source>my-data/</source>
        <translation>verilerim/</translation>
    </message>
</context>
<context>
    <name>vitscope::HubDownloader</name>
    <message>
        <location filename="../core/session/hub_model.cpp" line="64"/>
        <source>The config.json of %1 is not a JSON object, so it is not a model this app can read.</source>
        <translation>%1 deposunun config.json dosyası bir JSON nesnesi değil; bu uygulamanın okuyabileceği bir model değil.</translation>
    </message>
    <message>
        <location filename="../core/session/hub_model.cpp" line="67"/>
        <source>%1 is not a Vision Transformer in Hugging Face layout: its config.json says model_type &quot;%2&quot;, and vitscope fine-tunes only model_type &quot;vit&quot;.</source>
        <translation>%1, Hugging Face düzeninde bir Vision Transformer değil: config.json dosyasında model_type &quot;%2&quot; yazıyor; vitscope yalnızca model_type &quot;vit&quot; olan modelleri ince ayarlar.</translation>
    </message>
    <message>
        <location filename="../core/session/hub_model.cpp" line="69"/>
        <source>(none)</source>
        <translation>(yok)</translation>
    </message>
    <message>
        <location filename="../core/session/hub_model.cpp" line="73"/>
        <source>%1 cannot be used: %2</source>
        <translation>%1 kullanılamıyor: %2</translation>
    </message>
    <message>
        <location filename="../core/session/hub_model.cpp" line="125"/>
        <source>Cannot create %1</source>
        <translation>%1 oluşturulamıyor</translation>
    </message>
    <message>
        <location filename="../core/session/hub_model.cpp" line="160"/>
        <source>Cannot write %1</source>
        <translation>%1 yazılamıyor</translation>
    </message>
    <message>
        <location filename="../core/session/hub_model.cpp" line="198"/>
        <source>Download cancelled; it will resume from %1 bytes of %2.</source>
        <translation>İndirme iptal edildi; %2 dosyasının %1 baytından devam edecek.</translation>
    </message>
    <message>
        <location filename="../core/session/hub_model.cpp" line="202"/>
        <source>%1 was not found on %2 (no such repository, or it has no config.json).</source>
        <translation>%1, %2 üzerinde bulunamadı (böyle bir depo yok ya da config.json dosyası yok).</translation>
    </message>
    <message>
        <location filename="../core/session/hub_model.cpp" line="206"/>
        <source>%1 has no model.safetensors file; vitscope reads safetensors weights only (not PyTorch .bin files).</source>
        <translation>%1 deposunda model.safetensors dosyası yok; vitscope yalnızca safetensors ağırlıklarını okur (PyTorch .bin dosyalarını okumaz).</translation>
    </message>
    <message>
        <location filename="../core/session/hub_model.cpp" line="215"/>
        <source>Downloading %1 failed: %2 (HTTP %3). Run the download again to resume.</source>
        <translation>%1 indirilemedi: %2 (HTTP %3). Kaldığı yerden sürdürmek için indirmeyi yeniden başlatın.</translation>
    </message>
    <message>
        <location filename="../core/session/hub_model.cpp" line="226"/>
        <source>%1 is corrupt: its SHA-256 is %2 but the server announced %3. The partial file was removed; download again.</source>
        <translation>%1 bozuk: SHA-256 değeri %2, ancak sunucu %3 bildirdi. Yarım dosya silindi; yeniden indirin.</translation>
    </message>
    <message>
        <location filename="../core/session/hub_model.cpp" line="233"/>
        <source>Cannot move the download to %1</source>
        <translation>İndirilen dosya %1 konumuna taşınamıyor</translation>
    </message>
    <message>
        <location filename="../core/session/hub_model.cpp" line="246"/>
        <source>Cannot read %1</source>
        <translation>%1 okunamıyor</translation>
    </message>
</context>
<context>
    <name>vitscope::ImagePreview</name>
    <message>
        <location filename="../ui/image_preview.cpp" line="130"/>
        <source>Attention rollout</source>
        <translation>Dikkat yayılımı</translation>
    </message>
    <message>
        <location filename="../ui/image_preview.cpp" line="131"/>
        <source>Grad-CAM</source>
        <translation>Grad-CAM</translation>
    </message>
</context>
<context>
    <name>vitscope::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="40"/>
        <source>vitscope — ViT classification of endoscopy images</source>
        <translation>vitscope — endoskopi görüntülerinin ViT ile sınıflandırılması</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="46"/>
        <source>&amp;Dataset</source>
        <translation>&amp;Veri kümesi</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="47"/>
        <source>&amp;Train</source>
        <translation>&amp;Eğitim</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="48"/>
        <source>&amp;Evaluate</source>
        <translation>&amp;Değerlendirme</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="49"/>
        <source>&amp;Predict</source>
        <translation>&amp;Tahmin</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="52"/>
        <source>Review</source>
        <translation>İnceleme</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="53"/>
        <source>Find labels that are probably wrong, fix them from the keyboard, label new frames (Ctrl+5)</source>
        <translation>Büyük olasılıkla yanlış etiketleri bulun, klavyeden düzeltin, yeni kareleri etiketleyin (Ctrl+5)</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="33"/>
        <source>&amp;File</source>
        <translation>&amp;Dosya</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="34"/>
        <source>Open &amp;data set…</source>
        <translation>&amp;Veri kümesi aç…</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="100"/>
        <source>Open data set (one folder per class)</source>
        <translation>Veri kümesi aç (her sınıf için bir klasör)</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="35"/>
        <source>Open &amp;model…</source>
        <translation>&amp;Model aç…</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="36"/>
        <source>Open a Hugging Face model folder</source>
        <translation>Bir Hugging Face model klasörü aç</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="41"/>
        <source>Open &amp;run…</source>
        <translation>Ç&amp;alıştırma aç…</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="42"/>
        <source>Open a run folder</source>
        <translation>Bir çalıştırma klasörü aç</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="49"/>
        <source>&amp;Quit</source>
        <translation>Çı&amp;kış</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="50"/>
        <source>&amp;View</source>
        <translation>&amp;Görünüm</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="56"/>
        <source>&amp;Dark palette</source>
        <translation>&amp;Koyu renk paleti</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="66"/>
        <source>Predict in &amp;bf16</source>
        <translation>&amp;bf16 ile tahmin et</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="68"/>
        <source>About twice as fast on CPUs with native bf16 (AMX or AVX512-BF16) and on NVIDIA GPUs; probabilities differ from the exact fp32 ones by less than 1 percentage point.</source>
        <translation>Yerel bf16 destekli işlemcilerde (AMX ya da AVX512-BF16) ve NVIDIA GPU&apos;larda yaklaşık iki kat hızlı; olasılıklar kesin fp32 değerlerinden 1 yüzde puanından az farklıdır.</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="78"/>
        <source>&amp;Language</source>
        <translation>&amp;Dil</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="80"/>
        <source>System default</source>
        <translation>Sistem varsayılanı</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="85"/>
        <source>The language changes the next time vitscope starts.</source>
        <translation>Dil, vitscope bir sonraki açılışında değişir.</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="90"/>
        <source>&amp;Help</source>
        <translation>&amp;Yardım</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="91"/>
        <source>&amp;Start page</source>
        <translation>&amp;Başlangıç sayfası</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="92"/>
        <source>&amp;User guide</source>
        <translation>&amp;Kullanım kılavuzu</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="95"/>
        <source>&amp;About vitscope</source>
        <translation>vitscope &amp;hakkında</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="193"/>
        <source>&lt;h3&gt;vitscope %1&lt;/h3&gt;&lt;p&gt;Fine-tune and run Vision Transformers on endoscopy images.&lt;/p&gt;&lt;p&gt;&lt;b&gt;%2&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Built with Qt %3, LibTorch, OpenCV and QCustomPlot. Free software under the GNU GPL, version 3 or later, without any warranty.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;vitscope %1&lt;/h3&gt;&lt;p&gt;Endoskopi görüntülerinde Vision Transformer ince ayarı ve çalıştırılması.&lt;/p&gt;&lt;p&gt;&lt;b&gt;%2&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Qt %3, LibTorch, OpenCV ve QCustomPlot ile derlendi. GNU GPL sürüm 3 ya da sonrası altında özgür yazılımdır; hiçbir garanti verilmez.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="72"/>
        <location filename="../ui/main_window.cpp" line="122"/>
        <source>No model loaded</source>
        <translation>Model yüklenmedi</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="118"/>
        <source>Untrained model: %1</source>
        <translation>Eğitilmemiş model: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="119"/>
        <source>%1 has no trained weights yet: train it in the Train view to predict with it.</source>
        <translation>%1 henüz eğitilmiş ağırlıklara sahip değil: onunla tahmin yapmak için Eğitim görünümünde eğitin.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="229"/>
        <source>The demo model has no trained weights, so it cannot predict: open or get a real model from the File menu, or train one on the demo data in the Train view.</source>
        <translation>Tanıtım modelinin eğitilmiş ağırlıkları yok, bu yüzden tahmin edemez: Dosya menüsünden gerçek bir model açın ya da edinin, veya Eğitim görünümünde tanıtım verileriyle bir model eğitin.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="291"/>
        <source>CPU bf16: native</source>
        <translation>CPU bf16: donanımsal</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="291"/>
        <source>CPU bf16: not native</source>
        <translation>CPU bf16: donanımsal değil</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="126"/>
        <source>Download the pretrained model</source>
        <translation>Önceden eğitilmiş modeli indir</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="131"/>
        <source>Downloading %1…</source>
        <translation>%1 indiriliyor…</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="131"/>
        <source>Cancel</source>
        <translation>İptal</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="136"/>
        <source>Downloading %1: %2 of %3 MB</source>
        <translation>%1 indiriliyor: %2 / %3 MB</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="148"/>
        <source>Download failed</source>
        <translation>İndirme başarısız</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="168"/>
        <source>Data set: %1</source>
        <translation>Veri kümesi: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="169"/>
        <source>Run: %1</source>
        <translation>Çalıştırma: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="170"/>
        <source>Model: %1</source>
        <translation>Model: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="96"/>
        <source>Model: %1 (%n classes)</source>
        <translation>
            <numerusform>Model: %1 (%n sınıf)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="40"/>
        <source>&amp;Get pretrained model…</source>
        <translation>Ö&amp;nceden eğitilmiş model al…</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="46"/>
        <source>Re&amp;cent</source>
        <translation>S&amp;on kullanılanlar</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="123"/>
        <source>The model could not be loaded: %1</source>
        <translation>Model yüklenemedi: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="149"/>
        <source>Predict now uses the best model of run %1, which the Evaluate results come from.</source>
        <translation>Tahmin artık Değerlendirme sonuçlarının geldiği %1 çalıştırmasının en iyi modelini kullanıyor.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="233"/>
        <source>Not found: %1</source>
        <translation>Bulunamadı: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="266"/>
        <source>Saved %1</source>
        <translation>%1 kaydedildi</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="275"/>
        <source>Training finished</source>
        <translation>Eğitim bitti</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="276"/>
        <source>Run %1 finished. Use its best model in the Predict view (instead of %2)?</source>
        <translation>%1 çalıştırması bitti. En iyi modeli Tahmin görünümünde (%2 yerine) kullanılsın mı?</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="277"/>
        <source>no model</source>
        <translation>model yok</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="288"/>
        <source>predicting in bf16</source>
        <translation>bf16 ile tahmin</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="288"/>
        <source>predicting in fp32</source>
        <translation>fp32 ile tahmin</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="290"/>
        <source>Compute device: chosen when a model is opened</source>
        <translation>Hesaplama aygıtı: bir model açılınca seçilir</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="291"/>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="319"/>
        <source>Predict uses the best model of run %1.</source>
        <translation>Tahmin, %1 çalıştırmasının en iyi modelini kullanıyor.</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="119"/>
        <source>Using %1 from this computer: %2</source>
        <translation>Bu bilgisayardaki %1 kullanılıyor: %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="125"/>
        <source>about %1 MB</source>
        <translation>yaklaşık %1 MB</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="125"/>
        <source>its size is shown while it downloads</source>
        <translation>boyutu indirme sırasında gösterilir</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="127"/>
        <source>%1 is not in the Hugging Face cache (%2). Download it (%3) to %4?</source>
        <translation>%1, Hugging Face önbelleğinde (%2) yok. %4 konumuna indirilsin mi (%3)?</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="191"/>
        <source>About vitscope</source>
        <translation>vitscope hakkında</translation>
    </message>
</context>
<context>
    <name>vitscope::PredictView</name>
    <message>
        <location filename="../ui/predict_view.cpp" line="125"/>
        <source>&amp;Open…</source>
        <translation>&amp;Aç…</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="238"/>
        <source>This model&apos;s classification head has not been trained: its probabilities are meaningless. Train it first (Train view) or open a fine-tuned model.</source>
        <translation>Bu modelin sınıflandırma katmanı eğitilmemiş: olasılıkları anlamsızdır. Önce eğitin (Eğitim görünümü) ya da ince ayarlı bir model açın.</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="249"/>
        <source>No image files found in what was dropped.</source>
        <translation>Bırakılanlar arasında görüntü dosyası bulunamadı.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/predict_view.cpp" line="296"/>
        <source>Predicting %n image(s)…</source>
        <translation>
            <numerusform>%n görüntü tahmin ediliyor…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/predict_view_show.cpp" line="82"/>
        <source>%1 — cannot be used</source>
        <translation>%1 — kullanılamaz</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="80"/>
        <source>Drop an endoscopy image here,
or use Open…, Add… or Paste.</source>
        <translation>Buraya bir endoskopi görüntüsü bırakın
ya da Aç…, Ekle… veya Yapıştır&apos;ı kullanın.</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="85"/>
        <source>Open a trained model (File menu), or train one in the Train view: the listed images are predicted as soon as a model is loaded.</source>
        <translation>Eğitilmiş bir model açın (Dosya menüsü) ya da Eğitim görünümünde bir model eğitin: listedeki görüntüler bir model yüklenir yüklenmez tahmin edilir.</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="126"/>
        <source>Predict these images instead of the list (%1).</source>
        <translation>Listenin yerine bu görüntüleri tahmin et (%1).</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="127"/>
        <source>&amp;Add…</source>
        <translation>E&amp;kle…</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="128"/>
        <source>Add images to the list.</source>
        <translation>Listeye görüntü ekle.</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="129"/>
        <source>Pa&amp;ste</source>
        <translation>Yapı&amp;ştır</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="130"/>
        <source>Add the image, or the image files, on the clipboard to the list (%1).</source>
        <translation>Panodaki görüntüyü ya da görüntü dosyalarını listeye ekle (%1).</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="131"/>
        <source>E&amp;xport CSV…</source>
        <translation>&amp;CSV olarak dışa aktar…</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="133"/>
        <source>No map</source>
        <translation>Harita yok</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="133"/>
        <source>Attention rollout</source>
        <translation>Dikkat yayılımı</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="133"/>
        <source>Grad-CAM</source>
        <translation>Grad-CAM</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="133"/>
        <source>Rollout and Grad-CAM</source>
        <translation>Yayılım ve Grad-CAM</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="134"/>
        <source>Colours the image by where the model looked: attention rollout (how much each region fed the decision through all layers) or Grad-CAM (which regions raise the chosen class&apos;s score, at the last block). Aids to judge a prediction, not a segmentation.</source>
        <translation>Görüntüyü modelin baktığı yerlere göre renklendirir: dikkat yayılımı (her bölgenin tüm katmanlar boyunca karara ne kadar katkı verdiği) ya da Grad-CAM (son blokta hangi bölgelerin seçilen sınıfın puanını artırdığı). Bir tahmini değerlendirmeye yardımcıdır, bölütleme değildir.</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="137"/>
        <source>&amp;Map:</source>
        <translation>&amp;Harita:</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="140"/>
        <source>The class Grad-CAM explains: the predicted one, or any other.</source>
        <translation>Grad-CAM&apos;in açıkladığı sınıf: tahmin edilen ya da başka herhangi biri.</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="154"/>
        <source>Level of the prediction set: the classes that, together, hold the true class this often on average over images like the calibration ones.</source>
        <translation>Tahmin kümesinin düzeyi: kalibrasyon görüntülerine benzeyen görüntülerde, birlikte ortalama bu sıklıkla gerçek sınıfı içeren sınıflar.</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="156"/>
        <source>Set &amp;level:</source>
        <translation>Küme dü&amp;zeyi:</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="162"/>
        <source>Flag an image for review when its top calibrated probability is below this, or its set holds more than one class.</source>
        <translation>En yüksek kalibre edilmiş olasılığı bunun altında kalan ya da kümesi birden çok sınıf içeren görüntüyü incelemeye işaretle.</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="163"/>
        <source>Revie&amp;w below:</source>
        <translation>İnceleme &amp;sınırı:</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="165"/>
        <source>&amp;Raw probabilities</source>
        <translation>Ha&amp;m olasılıklar</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="166"/>
        <source>Show the model&apos;s own softmax, as transformers computes it, instead of the calibrated probabilities.</source>
        <translation>Kalibre edilmiş olasılıklar yerine modelin kendi softmax çıktısını, transformers&apos;ın hesapladığı gibi göster.</translation>
    </message>
    <message>
        <location filename="../ui/predict_view_show.cpp" line="36"/>
        <source>predicted class</source>
        <translation>tahmin edilen sınıf</translation>
    </message>
    <message>
        <location filename="../ui/predict_view_show.cpp" line="77"/>
        <source>%1 — waiting for a model</source>
        <translation>%1 — model bekleniyor</translation>
    </message>
    <message>
        <location filename="../ui/predict_view_show.cpp" line="88"/>
        <source>%1 — %2 %3</source>
        <translation>%1 — %2 %3</translation>
    </message>
    <message>
        <location filename="../ui/predict_view_show.cpp" line="98"/>
        <source>The calibration cannot be used: %1</source>
        <translation>Kalibrasyon kullanılamıyor: %1</translation>
    </message>
    <message>
        <location filename="../ui/predict_view_show.cpp" line="102"/>
        <source>Raw probabilities: the model&apos;s own softmax, as transformers computes it (uncalibrated).</source>
        <translation>Ham olasılıklar: modelin kendi softmax çıktısı, transformers&apos;ın hesapladığı gibi (kalibre edilmemiş).</translation>
    </message>
    <message>
        <location filename="../ui/predict_view_show.cpp" line="131"/>
        <source>No model to predict with</source>
        <translation>Tahmin yapacak model yok</translation>
    </message>
    <message>
        <location filename="../ui/predict_view_show.cpp" line="137"/>
        <source>No probabilities: %1 cannot be used.</source>
        <translation>Olasılık yok: %1 kullanılamıyor.</translation>
    </message>
    <message>
        <location filename="../ui/predict_view_show.cpp" line="143"/>
        <source>Most likely: %1 (%2)</source>
        <translation>En olası: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/predict_view_show.cpp" line="144"/>
        <source>Grad-CAM: %1</source>
        <translation>Grad-CAM: %1</translation>
    </message>
    <message>
        <location filename="../ui/predict_view_show.cpp" line="206"/>
        <source>No map: %1</source>
        <translation>Harita yok: %1</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="294"/>
        <source>%1 cannot be used: %2</source>
        <translation>%1 kullanılamaz: %2</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="353"/>
        <source>The clipboard holds no image and no image files.</source>
        <translation>Panoda görüntü ya da görüntü dosyası yok.</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="359"/>
        <source>Cannot write the pasted image to %1</source>
        <translation>Yapıştırılan görüntü %1 konumuna yazılamıyor</translation>
    </message>
    <message>
        <location filename="../ui/predict_view_show.cpp" line="127"/>
        <source>(no preview)</source>
        <translation>(önizleme yok)</translation>
    </message>
    <message>
        <location filename="../ui/predict_view_show.cpp" line="136"/>
        <source>This file cannot be used: %1</source>
        <translation>Bu dosya kullanılamaz: %1</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="322"/>
        <source>Only local files and folders can be dropped here.</source>
        <translation>Buraya yalnızca yerel dosyalar ve klasörler bırakılabilir.</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="331"/>
        <source>Open images</source>
        <translation>Görüntüleri aç</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="331"/>
        <source>Add images</source>
        <translation>Görüntü ekle</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="332"/>
        <source>Images (%1)</source>
        <translation>Görüntüler (%1)</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="367"/>
        <source>Export predictions</source>
        <translation>Tahminleri dışa aktar</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="367"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV dosyaları (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="376"/>
        <source>Cannot write %1</source>
        <translation>%1 yazılamıyor</translation>
    </message>
</context>
<context>
    <name>vitscope::PretrainedDialog</name>
    <message>
        <location filename="../ui/pretrained_dialog.cpp" line="29"/>
        <source>ViT-B/16 pretrained on ImageNet-21k, without a classifier: the notebook&apos;s starting point.</source>
        <translation>ImageNet-21k üzerinde önceden eğitilmiş, sınıflandırıcısız ViT-B/16: not defterinin başlangıç noktası.</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_dialog.cpp" line="31"/>
        <source>ViT-B/16 pretrained on ImageNet-21k and fine-tuned on ImageNet-1k (its 1000-class head is replaced).</source>
        <translation>ImageNet-21k üzerinde önceden eğitilmiş ve ImageNet-1k üzerinde ince ayarlanmış ViT-B/16 (1000 sınıflı başlığı değiştirilir).</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_dialog.cpp" line="33"/>
        <source>DeiT-S: a ViT a quarter the size of ViT-B/16, trained on ImageNet-1k; about 4x faster to fine-tune.</source>
        <translation>DeiT-S: ViT-B/16&apos;nın dörtte biri boyutunda, ImageNet-1k üzerinde eğitilmiş bir ViT; ince ayarı yaklaşık 4 kat hızlı.</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_dialog.cpp" line="35"/>
        <source>DeiT-Ti: the smallest ViT here, about 15x faster than ViT-B/16; expect lower accuracy.</source>
        <translation>DeiT-Ti: buradaki en küçük ViT, ViT-B/16&apos;dan yaklaşık 15 kat hızlı; doğruluğun daha düşük olması beklenir.</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_dialog.cpp" line="41"/>
        <source>%1 M</source>
        <translation>%1 M</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_dialog.cpp" line="54"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_dialog.cpp" line="64"/>
        <source>Get a pretrained model</source>
        <translation>Önceden eğitilmiş model al</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_dialog.cpp" line="67"/>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_dialog.cpp" line="67"/>
        <source>Parameters</source>
        <translation>Parametre</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_dialog.cpp" line="67"/>
        <source>Download</source>
        <translation>İndirme</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_dialog.cpp" line="67"/>
        <source>On this computer</source>
        <translation>Bu bilgisayarda</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_dialog.cpp" line="67"/>
        <source>Estimated training time</source>
        <translation>Tahmini eğitim süresi</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_dialog.cpp" line="78"/>
        <source>about %1 MB</source>
        <translation>yaklaşık %1 MB</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_dialog.cpp" line="78"/>
        <source>no</source>
        <translation>hayır</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_dialog.cpp" line="78"/>
        <source>yes</source>
        <translation>evet</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_dialog.cpp" line="79"/>
        <source>not estimated</source>
        <translation>tahmin edilmedi</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_dialog.cpp" line="87"/>
        <source>owner/name, e.g. google/vit-large-patch16-224</source>
        <translation>sahip/ad, ör. google/vit-large-patch16-224</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_dialog.cpp" line="88"/>
        <source>Any Hub repository whose config.json has model_type &quot;vit&quot; and whose weights are in model.safetensors.</source>
        <translation>config.json dosyasında model_type &quot;vit&quot; olan ve ağırlıkları model.safetensors dosyasında bulunan herhangi bir Hub deposu.</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_dialog.cpp" line="91"/>
        <source>E&amp;stimate for my data</source>
        <translation>Verim için &amp;süreyi tahmin et</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_dialog.cpp" line="92"/>
        <source>Times a few training steps of the selected architecture on this computer, for the data set open in the Train view (a few minutes for ViT-B/16 on a CPU).</source>
        <translation>Seçilen mimarinin birkaç eğitim adımını, Eğitim görünümünde açık veri kümesi için bu bilgisayarda ölçer (işlemcide ViT-B/16 için birkaç dakika).</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_dialog.cpp" line="95"/>
        <source>&amp;Get</source>
        <translation>&amp;Al</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_dialog.cpp" line="99"/>
        <source>&amp;Other repository:</source>
        <translation>&amp;Başka bir depo:</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_dialog.cpp" line="146"/>
        <source>A Hub repository id has the form owner/name.</source>
        <translation>Bir Hub deposunun kimliği sahip/ad biçimindedir.</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_dialog.cpp" line="148"/>
        <source>%1 is checked when its config.json arrives: only ViTs (model_type &quot;vit&quot;) are accepted.</source>
        <translation>%1, config.json dosyası gelince denetlenir: yalnızca ViT modelleri (model_type &quot;vit&quot;) kabul edilir.</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_dialog.cpp" line="168"/>
        <source>Cannot write %1</source>
        <translation>%1 yazılamıyor</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_dialog.cpp" line="174"/>
        <source>Open a data set first: the estimate is for its number of images.</source>
        <translation>Önce bir veri kümesi açın: tahmin, onun görüntü sayısı içindir.</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_dialog.cpp" line="178"/>
        <source>timing a few steps…</source>
        <translation>birkaç adım ölçülüyor…</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_dialog.cpp" line="180"/>
        <source>no estimate</source>
        <translation>tahmin yok</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_dialog.cpp" line="181"/>
        <source>%1; %2 training images</source>
        <translation>%1; %2 eğitim görüntüsü</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_dialog.cpp" line="183"/>
        <source>No estimate: %1</source>
        <translation>Tahmin yok: %1</translation>
    </message>
</context>
<context>
    <name>vitscope::ProbabilityChart</name>
    <message>
        <location filename="../ui/probability_chart.cpp" line="22"/>
        <source>Probability (%)</source>
        <translation>Olasılık (%)</translation>
    </message>
    <message>
        <location filename="../ui/probability_chart.cpp" line="33"/>
        <source>Open or drop an image to see its class probabilities.</source>
        <translation>Sınıf olasılıklarını görmek için bir görüntü açın ya da buraya bırakın.</translation>
    </message>
    <message>
        <location filename="../ui/probability_chart.cpp" line="56"/>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
</context>
<context>
    <name>vitscope::ReviewModel</name>
    <message>
        <location filename="../ui/review_model.cpp" line="120"/>
        <source>excluded</source>
        <translation>dışlandı</translation>
    </message>
    <message>
        <location filename="../ui/review_model.cpp" line="117"/>
        <location filename="../ui/review_model.cpp" line="120"/>
        <source>new frame</source>
        <translation>yeni kare</translation>
    </message>
    <message>
        <location filename="../ui/review_model.cpp" line="116"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../ui/review_model.cpp" line="122"/>
        <source>reviewed</source>
        <translation>incelendi</translation>
    </message>
    <message>
        <location filename="../ui/review_model.cpp" line="124"/>
        <source>(also the model&apos;s choice)</source>
        <translation>(modelin seçimi de bu)</translation>
    </message>
    <message>
        <location filename="../ui/review_model.cpp" line="125"/>
        <source>%1
→ %2 %3</source>
        <translation>%1
→ %2 %3</translation>
    </message>
    <message>
        <location filename="../ui/review_model.cpp" line="139"/>
        <source>Label: %1 (%2)</source>
        <translation>Etiket: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/review_model.cpp" line="140"/>
        <source>New frame, not labelled yet</source>
        <translation>Yeni kare, henüz etiketlenmedi</translation>
    </message>
    <message>
        <location filename="../ui/review_model.cpp" line="142"/>
        <source>Folder: %1</source>
        <translation>Klasör: %1</translation>
    </message>
    <message>
        <location filename="../ui/review_model.cpp" line="143"/>
        <source>Suggested: %1 (%2)</source>
        <translation>Önerilen: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/review_model.cpp" line="144"/>
        <source>Reviewed</source>
        <translation>İncelendi</translation>
    </message>
    <message>
        <location filename="../ui/review_model.cpp" line="144"/>
        <source>Not reviewed yet</source>
        <translation>Henüz incelenmedi</translation>
    </message>
</context>
<context>
    <name>vitscope::ReviewView</name>
    <message>
        <location filename="../ui/review_view.cpp" line="105"/>
        <source>F&amp;ind label errors</source>
        <translation>Etiket &amp;hatalarını bul</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="106"/>
        <source>Scores every labelled image of the data set with a classifier that never saw it: k-fold cross-validation of head mode on the open model&apos;s frozen features (cached, so a second review is quick). A pretrained model that was not fine-tuned on these labels gives the fairest scores.</source>
        <translation>Veri kümesindeki her etiketli görüntüyü onu hiç görmemiş bir sınıflandırıcıyla puanlar: açık modelin dondurulmuş öznitelikleri üzerinde yalnızca sınıflandırıcı kipinin k katlı çapraz doğrulaması (önbelleğe alınır, ikinci inceleme hızlıdır). Bu etiketlerle ince ayar yapılmamış, önceden eğitilmiş bir model en adil puanları verir.</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="112"/>
        <source>Folds of the cross-validation: each image is scored by a classifier fitted on the other folds.</source>
        <translation>Çapraz doğrulamanın kat sayısı: her görüntü, diğer katlarda uyarlanmış bir sınıflandırıcıyla puanlanır.</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="113"/>
        <source>Fo&amp;lds:</source>
        <translation>Kat &amp;sayısı:</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="115"/>
        <source>Label &amp;new frames…</source>
        <translation>Yeni &amp;kareleri etiketle…</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="116"/>
        <source>Opens a folder of unlabelled images: the open model predicts them in the background, the least certain first. Confirmed frames join the data set through its label manifest; the files stay where they are.</source>
        <translation>Etiketsiz görüntülerden oluşan bir klasör açar: açık model onları arka planda tahmin eder, en az emin olduğu önce. Onaylanan kareler veri kümesine etiket kaydı aracılığıyla katılır; dosyalar yerinde kalır.</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="118"/>
        <source>&amp;Cancel</source>
        <translation>İ&amp;ptal</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="120"/>
        <source>&amp;Retrain with current labels</source>
        <translation>Geçerli etiketlerle yeniden eğ&amp;it</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="121"/>
        <source>Starts a run with the Train view&apos;s recipe on the data set with every change made here.</source>
        <translation>Eğitim görünümünün tarifiyle, burada yapılan her değişikliği içeren veri kümesi üzerinde bir çalıştırma başlatır.</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="124"/>
        <source>P&amp;air:</source>
        <translation>Çi&amp;ft:</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="127"/>
        <source>All</source>
        <translation>Tümü</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="128"/>
        <source>Not reviewed</source>
        <translation>İncelenmemiş</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="129"/>
        <source>Reviewed</source>
        <translation>İncelendi</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="130"/>
        <source>&amp;Show:</source>
        <translation>Göste&amp;r:</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="133"/>
        <source>margin</source>
        <translation>fark</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="134"/>
        <source>entropy</source>
        <translation>entropi</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="135"/>
        <source>prediction set size</source>
        <translation>tahmin kümesi boyutu</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="136"/>
        <source>Margin: the two most probable classes are close. Entropy: the probability is spread over many classes. Set size: the calibrated prediction set holds several classes (needs a calibrated model).</source>
        <translation>Fark: en olası iki sınıf birbirine yakın. Entropi: olasılık birçok sınıfa yayılmış. Küme boyutu: kalibre edilmiş tahmin kümesi birden çok sınıf içeriyor (kalibre edilmiş bir model gerekir).</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="138"/>
        <source>Sort new frames &amp;by:</source>
        <translation>Yeni kareleri sıralama ö&amp;lçütü:</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="140"/>
        <source>&amp;Undo</source>
        <translation>Geri &amp;al</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="141"/>
        <source>Red&amp;o</source>
        <translation>Yi&amp;nele</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="142"/>
        <location filename="../ui/review_view.cpp" line="448"/>
        <source>Find the labels that are probably wrong, or label new frames with the model&apos;s help. Open a data set and a model first.</source>
        <translation>Büyük olasılıkla yanlış olan etiketleri bulun ya da yeni kareleri modelin yardımıyla etiketleyin. Önce bir veri kümesi ve bir model açın.</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="190"/>
        <source>Open a folder of new, unlabelled frames</source>
        <translation>Yeni, etiketsiz karelerden oluşan bir klasör açın</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="273"/>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="279"/>
        <source>Open a data set (File → Open data set) and a model (File → Open model) first.</source>
        <translation>Önce bir veri kümesi (Dosya → Veri kümesi aç) ve bir model (Dosya → Model aç) açın.</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="287"/>
        <location filename="../ui/review_view.cpp" line="298"/>
        <source>Reviewing…</source>
        <translation>İnceleniyor…</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="335"/>
        <source>%1-fold cross-validation of head mode on the frozen features of %2: every labelled image scored by a classifier that never saw it.</source>
        <translation>%2 modelinin dondurulmuş öznitelikleri üzerinde yalnızca sınıflandırıcı kipinin %1 katlı çapraz doğrulaması: her etiketli görüntü onu hiç görmemiş bir sınıflandırıcıyla puanlandı.</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="337"/>
        <source>The held-out predictions of run %1, as Evaluate shows them: out of sample, but only %2 of %3 images; use Find label errors to score every image.</source>
        <translation>%1 çalıştırmasının ayrılmış görüntülerdeki tahminleri, Değerlendirme görünümündeki gibi: örneklem dışı, ama %3 görüntüden yalnızca %2 tanesi; her görüntüyü puanlamak için Etiket hatalarını bul düğmesini kullanın.</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="342"/>
        <source>Most probably mislabelled first.</source>
        <translation>Büyük olasılıkla yanlış etiketli olanlar önce.</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="350"/>
        <source>All images</source>
        <translation>Tüm görüntüler</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="353"/>
        <source>%1 → %2 (%3)</source>
        <translation>%1 → %2 (%3)</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="366"/>
        <source>Open the data set these images belong to first (File → Open data set).</source>
        <translation>Önce bu görüntülerin ait olduğu veri kümesini açın (Dosya → Veri kümesi aç).</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="436"/>
        <source>%1 of %2 reviewed</source>
        <translation>%2 görüntüden %1 tanesi incelendi</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="437"/>
        <source>Labels: %1%2</source>
        <translation>Etiketler: %1%2</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="438"/>
        <source> (the data set folder is not writable)</source>
        <translation> (veri kümesi klasörüne yazılamıyor)</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="450"/>
        <source>Find label errors ranks the labelled images of %1 with %2; Label new frames opens a folder of unlabelled ones.</source>
        <translation>Etiket hatalarını bul, %1 içindeki etiketli görüntüleri %2 ile sıralar; Yeni kareleri etiketle, etiketsiz görüntülerden oluşan bir klasör açar.</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="458"/>
        <source>X exclude</source>
        <translation>X dışla</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="458"/>
        <source>Space confirm the suggestion</source>
        <translation>Boşluk öneriyi onayla</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="458"/>
        <source>Space keep</source>
        <translation>Boşluk koru</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="458"/>
        <source>Ctrl+Z undo</source>
        <translation>Ctrl+Z geri al</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="459"/>
        <source>Ctrl+Shift+Z redo</source>
        <translation>Ctrl+Shift+Z yinele</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="460"/>
        <source>Keys: %1</source>
        <translation>Tuşlar: %1</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="466"/>
        <source>Open a model first (File → Open model): it suggests the labels.</source>
        <translation>Önce bir model açın (Dosya → Model aç): etiketleri o önerir.</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="476"/>
        <source>%1 holds no images.</source>
        <translation>%1 hiç görüntü içermiyor.</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="493"/>
        <source>Predicting new frames…</source>
        <translation>Yeni kareler tahmin ediliyor…</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="495"/>
        <source>Predicting new frames: %v / %m</source>
        <translation>Yeni kareler tahmin ediliyor: %v / %m</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/review_view.cpp" line="515"/>
        <source>%n new frame(s) predicted by %1, the least certain first. Confirm with Space or choose a class; they join the data set through its label manifest.</source>
        <translation>
            <numerusform>%1 tarafından %n yeni kare tahmin edildi, en az emin olunan önce. Boşluk ile onaylayın ya da bir sınıf seçin; kareler veri kümesine etiket kaydı aracılığıyla katılır.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="519"/>
        <source>Open the data set they should join first.</source>
        <translation>Önce katılacakları veri kümesini açın.</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="521"/>
        <source>Some of the model&apos;s classes are not class folders of the data set: frames labelled with them are not used.</source>
        <translation>Modelin bazı sınıfları veri kümesinin sınıf klasörleri değil: bu sınıflarla etiketlenen kareler kullanılmaz.</translation>
    </message>
    <message>
        <location filename="../ui/review_view.cpp" line="534"/>
        <source>The model has no calibration, so it has no prediction sets: sorted by margin instead.</source>
        <translation>Modelin kalibrasyonu yok, bu yüzden tahmin kümeleri de yok: bunun yerine farka göre sıralandı.</translation>
    </message>
</context>
<context>
    <name>vitscope::RunListModel</name>
    <message>
        <location filename="../ui/run_list_model.cpp" line="21"/>
        <source>running</source>
        <translation>çalışıyor</translation>
    </message>
    <message>
        <location filename="../ui/run_list_model.cpp" line="23"/>
        <source>finished</source>
        <translation>tamamlandı</translation>
    </message>
    <message>
        <location filename="../ui/run_list_model.cpp" line="25"/>
        <source>stopped (resumable)</source>
        <translation>durduruldu (devam ettirilebilir)</translation>
    </message>
    <message>
        <location filename="../ui/run_list_model.cpp" line="27"/>
        <source>stopped early</source>
        <translation>erken durduruldu</translation>
    </message>
    <message>
        <location filename="../ui/run_list_model.cpp" line="29"/>
        <source>failed</source>
        <translation>başarısız</translation>
    </message>
    <message>
        <location filename="../ui/run_list_model.cpp" line="39"/>
        <source>interrupted (resumable)</source>
        <translation>yarıda kesildi (devam ettirilebilir)</translation>
    </message>
    <message>
        <location filename="../ui/run_list_model.cpp" line="39"/>
        <source>interrupted</source>
        <translation>yarıda kesildi</translation>
    </message>
    <message>
        <location filename="../ui/run_list_model.cpp" line="48"/>
        <source>process %1 on host %2 (since %3)</source>
        <translation>%2 makinesindeki %1 numaralı süreç (%3 itibarıyla)</translation>
    </message>
    <message>
        <location filename="../ui/run_list_model.cpp" line="55"/>
        <source>accuracy</source>
        <translation>doğruluk</translation>
    </message>
    <message>
        <location filename="../ui/run_list_model.cpp" line="57"/>
        <source>weighted F1</source>
        <translation>ağırlıklı F1</translation>
    </message>
    <message>
        <location filename="../ui/run_list_model.cpp" line="59"/>
        <source>macro F1</source>
        <translation>makro F1</translation>
    </message>
    <message>
        <location filename="../ui/run_list_model.cpp" line="61"/>
        <source>validation loss</source>
        <translation>doğrulama kaybı</translation>
    </message>
    <message>
        <location filename="../ui/run_list_model.cpp" line="63"/>
        <source>MCC</source>
        <translation>MCC</translation>
    </message>
    <message>
        <location filename="../ui/run_list_model.cpp" line="101"/>
        <source>Being trained by %1</source>
        <translation>%1 tarafından eğitiliyor</translation>
    </message>
    <message>
        <location filename="../ui/run_list_model.cpp" line="37"/>
        <source>unreadable</source>
        <translation>okunamıyor</translation>
    </message>
    <message>
        <location filename="../ui/run_list_model.cpp" line="75"/>
        <source>this window</source>
        <translation>bu pencere</translation>
    </message>
    <message>
        <location filename="../ui/run_list_model.cpp" line="95"/>
        <source>%1 — %2 — best %3 %4 (epoch %5)</source>
        <translation>%1 — %2 — en iyi %3 %4 (%5. epok)</translation>
    </message>
    <message>
        <location filename="../ui/run_list_model.cpp" line="96"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>vitscope::StartPage</name>
    <message>
        <location filename="../ui/start_page.cpp" line="43"/>
        <source>Dataset, Train, Evaluate, Predict and Review views</source>
        <translation>Veri kümesi, Eğitim, Değerlendirme, Tahmin ve İnceleme görünümleri</translation>
    </message>
    <message>
        <location filename="../ui/start_page.cpp" line="44"/>
        <source>User guide</source>
        <translation>Kullanım kılavuzu</translation>
    </message>
    <message>
        <location filename="../ui/start_page.cpp" line="45"/>
        <source>Drop images</source>
        <translation>Görüntüleri bırakın</translation>
    </message>
    <message>
        <location filename="../ui/start_page.cpp" line="45"/>
        <source>Predict them (a folder opens as a data set)</source>
        <translation>Tahmin edilirler (bir klasör veri kümesi olarak açılır)</translation>
    </message>
    <message>
        <location filename="../ui/start_page.cpp" line="46"/>
        <source>Space</source>
        <translation>Boşluk</translation>
    </message>
    <message>
        <location filename="../ui/start_page.cpp" line="46"/>
        <source>Review: give a class, exclude, keep</source>
        <translation>İnceleme: sınıf ver, dışarıda bırak, koru</translation>
    </message>
    <message>
        <location filename="../ui/start_page.cpp" line="47"/>
        <source>Review: undo, redo</source>
        <translation>İnceleme: geri al, yinele</translation>
    </message>
    <message>
        <location filename="../ui/start_page.cpp" line="48"/>
        <source>Quit</source>
        <translation>Çık</translation>
    </message>
    <message>
        <location filename="../ui/start_page.cpp" line="63"/>
        <source>&lt;h1&gt;Welcome to vitscope&lt;/h1&gt;</source>
        <translation>&lt;h1&gt;vitscope&apos;a hoş geldiniz&lt;/h1&gt;</translation>
    </message>
    <message>
        <location filename="../ui/start_page.cpp" line="64"/>
        <source>Classify endoscopy images with a Vision Transformer, fine-tune it on your own images, see how far its percentages can be trusted, and fix the labels it finds doubtful.</source>
        <translation>Endoskopi görüntülerini bir Vision Transformer ile sınıflandırın, onu kendi görüntülerinizle ince ayarlayın, yüzdelerine ne kadar güvenilebileceğini görün ve kuşkulu bulduğu etiketleri düzeltin.</translation>
    </message>
    <message>
        <location filename="../ui/start_page.cpp" line="72"/>
        <source>Try the demo data</source>
        <translation>Tanıtım verilerini deneyin</translation>
    </message>
    <message>
        <location filename="../ui/start_page.cpp" line="73"/>
        <source>A small set of synthetic frames and a tiny model that come with vitscope: every view in a minute, nothing to download.</source>
        <translation>vitscope ile gelen küçük bir yapay kare kümesi ve minik bir model: bir dakikada her görünüm, indirilecek bir şey yok.</translation>
    </message>
    <message>
        <location filename="../ui/start_page.cpp" line="74"/>
        <source>Open my data set…</source>
        <translation>Veri kümemi aç…</translation>
    </message>
    <message>
        <location filename="../ui/start_page.cpp" line="75"/>
        <source>A folder with one sub-folder of images per class (JPEG, PNG, BMP, TIFF or WebP).</source>
        <translation>Her sınıf için bir görüntü alt klasörü içeren bir klasör (JPEG, PNG, BMP, TIFF ya da WebP).</translation>
    </message>
    <message>
        <location filename="../ui/start_page.cpp" line="76"/>
        <source>Get a pretrained model…</source>
        <translation>Önceden eğitilmiş bir model alın…</translation>
    </message>
    <message>
        <location filename="../ui/start_page.cpp" line="77"/>
        <source>A Vision Transformer from the Hugging Face Hub (or already on this computer) to fine-tune or to predict with.</source>
        <translation>İnce ayar yapmak ya da tahmin etmek için Hugging Face Hub&apos;dan (ya da bu bilgisayarda zaten bulunan) bir Vision Transformer.</translation>
    </message>
    <message>
        <location filename="../ui/start_page.cpp" line="109"/>
        <source>&lt;b&gt;Keyboard&lt;/b&gt;</source>
        <translation>&lt;b&gt;Klavye&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/start_page.cpp" line="111"/>
        <source>This page is always under Help → Start page.</source>
        <translation>Bu sayfa her zaman Yardım → Başlangıç sayfası altındadır.</translation>
    </message>
</context>
<context>
    <name>vitscope::TrainView</name>
    <message>
        <location filename="../ui/train_view_form.cpp" line="73"/>
        <source>A folder with one sub-folder of images per class.</source>
        <translation>Her sınıf için bir görüntü alt klasörü içeren bir klasör.</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="75"/>
        <source>A Hugging Face model folder: pretrained (e.g. google/vit-base-patch16-224-in21k), fine-tuned, or config-only to train from scratch.</source>
        <translation>Bir Hugging Face model klasörü: önceden eğitilmiş (ör. google/vit-base-patch16-224-in21k), ince ayarlı ya da sıfırdan eğitim için yalnızca yapılandırma.</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="80"/>
        <source>How many passes over the training images.</source>
        <translation>Eğitim görüntüleri üzerinden kaç geçiş yapılacağı.</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="81"/>
        <source>Images per optimisation step. Smaller uses less memory.</source>
        <translation>Optimizasyon adımı başına görüntü sayısı. Küçük değer daha az bellek kullanır.</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="90"/>
        <source>Peak learning rate (AdamW). The notebook used 0.00002.</source>
        <translation>En yüksek öğrenme oranı (AdamW). Not defteri 0.00002 kullanıyordu.</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="83"/>
        <source>Steps over which the learning rate rises from 0; it then falls linearly to 0.</source>
        <translation>Öğrenme oranının 0&apos;dan yükseldiği adım sayısı; sonra doğrusal olarak 0&apos;a iner.</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="93"/>
        <source>Shrinks weights a little each step; not applied to biases and LayerNorm weights.</source>
        <translation>Ağırlıkları her adımda biraz küçültür; sapmalara ve LayerNorm ağırlıklarına uygulanmaz.</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="84"/>
        <source>Fixes the split, the data order and the initial head: the same seed gives the same run.</source>
        <translation>Bölmeyi, veri sırasını ve başlangıç katmanını sabitler: aynı tohum aynı çalıştırmayı verir.</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="92"/>
        <source>Learning rate</source>
        <translation>Öğrenme oranı</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="96"/>
        <source>learning rate</source>
        <translation>öğrenme oranı</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="150"/>
        <source>Stopped: resumable</source>
        <translation>Durduruldu: devam ettirilebilir</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="150"/>
        <source>Finished</source>
        <translation>Tamamlandı</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="163"/>
        <source>Failed: see the log</source>
        <translation>Başarısız: günlüğe bakın</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="78"/>
        <source>a new folder under the runs folder</source>
        <translation>çalıştırmalar klasörü altında yeni bir klasör</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="79"/>
        <source>Where the run&apos;s checkpoints, metrics and predictions are written. To resume, pick a stopped run in the list.</source>
        <translation>Çalıştırmanın kontrol noktalarının, ölçümlerinin ve tahminlerinin yazıldığı yer. Devam ettirmek için listeden durdurulmuş bir çalıştırma seçin.</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="82"/>
        <source>Adds up the gradients of several batches before each step: a larger effective batch in the same memory.</source>
        <translation>Her adımdan önce birkaç grubun gradyanlarını toplar: aynı bellekte daha büyük etkin grup.</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="98"/>
        <source>Shares of every class for training, validation (selects the best epoch) and test (reported at the end). They must add up to 1.</source>
        <translation>Her sınıfın eğitim, doğrulama (en iyi epoku seçer) ve test (sonda raporlanır) payları. Toplamları 1 olmalıdır.</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="100"/>
        <source>Automatic (GPU if present)</source>
        <translation>Otomatik (varsa GPU)</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="101"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="102"/>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="104"/>
        <source>fp32 (exact)</source>
        <translation>fp32 (tam)</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="105"/>
        <source>bf16 (faster)</source>
        <translation>bf16 (daha hızlı)</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="106"/>
        <source>Automatic (bf16 where native)</source>
        <translation>Otomatik (donanım destekliyorsa bf16)</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="107"/>
        <source>bf16 mixed precision computes in 16-bit floats and keeps fp32 master weights: two to three times faster where the hardware has it (an NVIDIA GPU, or a CPU with AMX or AVX512-BF16), with probabilities within about 1 %. fp32 computes exactly what transformers computes.</source>
        <translation>bf16 karma hassasiyet 16 bitlik kayan noktalı sayılarla hesaplar ve fp32 ana ağırlıkları korur: donanımın desteklediği yerde (bir NVIDIA GPU ya da AMX veya AVX512-BF16 bulunan bir CPU) iki ila üç kat daha hızlı, olasılıklar yaklaşık %1 içinde. fp32, transformers&apos;ın hesapladığını tam olarak hesaplar.</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="113"/>
        <source>Which validation metric picks the best epoch.</source>
        <translation>En iyi epoku hangi doğrulama ölçütünün seçeceği.</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="115"/>
        <source>Whole network</source>
        <translation>Tüm ağ</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="116"/>
        <source>Last 2 blocks</source>
        <translation>Son 2 blok</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="117"/>
        <source>Last block</source>
        <translation>Son blok</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="118"/>
        <source>Classifier only (linear probe)</source>
        <translation>Yalnızca sınıflandırıcı (doğrusal yoklama)</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="119"/>
        <source>&lt;p&gt;Which part of the network learns. &lt;b&gt;Whole network&lt;/b&gt; (the notebook&apos;s) trains every weight: the best accuracy, and on a CPU hours for ViT-B/16.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Last blocks&lt;/b&gt; train the last encoder blocks and the classifier; the rest keeps its pretrained weights. Several times faster, usually a little less accurate.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Classifier only&lt;/b&gt; trains just the final layer on the pretrained features: minutes on a CPU; on medical images about two points below training the whole network. It needs a pretrained model.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Ağın hangi kısmının öğrendiği. &lt;b&gt;Tüm ağ&lt;/b&gt; (not defterindeki) her ağırlığı eğitir: en iyi doğruluk; CPU üzerinde ViT-B/16 için saatler.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Son bloklar&lt;/b&gt; son kodlayıcı bloklarını ve sınıflandırıcıyı eğitir; gerisi önceden eğitilmiş ağırlıklarını korur. Birkaç kat daha hızlı, genellikle biraz daha az doğru.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Yalnızca sınıflandırıcı&lt;/b&gt; önceden eğitilmiş özellikler üzerinde yalnızca son katmanı eğitir: CPU üzerinde dakikalar; tıbbi görüntülerde tüm ağı eğitmekten yaklaşık iki puan geride. Önceden eğitilmiş bir model gerektirir.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="125"/>
        <source>h-flip</source>
        <translation>yatay çevirme</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="125"/>
        <source>v-flip</source>
        <translation>dikey çevirme</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="125"/>
        <source>90° turns</source>
        <translation>90° döndürme</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="125"/>
        <source>crop</source>
        <translation>kırpma</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="125"/>
        <source>colour</source>
        <translation>renk</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="128"/>
        <source>Random, seeded changes to training images (off in the notebook).</source>
        <translation>Eğitim görüntülerinde tohumlu rastgele değişiklikler (not defterinde kapalı).</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="138"/>
        <source>D&amp;ata set:</source>
        <translation>Veri &amp;kümesi:</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="139"/>
        <source>Mode&amp;l:</source>
        <translation>&amp;Model:</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="140"/>
        <source>Run folder:</source>
        <translation>Çalıştırma klasörü:</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="141"/>
        <source>Epo&amp;chs:</source>
        <translation>E&amp;pok sayısı:</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="143"/>
        <source>Gradient accumulation:</source>
        <translation>Gradyan biriktirme:</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="144"/>
        <source>Learnin&amp;g rate:</source>
        <translation>Öğrenme &amp;oranı:</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="146"/>
        <source>Weight decay:</source>
        <translation>Ağırlık azaltma:</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="148"/>
        <source>Best epoch b&amp;y:</source>
        <translation>En iyi epok ölçütü:</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="149"/>
        <source>F&amp;ine-tune:</source>
        <translation>İn&amp;ce ayar:</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="150"/>
        <source>Device:</source>
        <translation>Aygıt:</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="151"/>
        <source>Precisio&amp;n:</source>
        <translation>&amp;Hassasiyet:</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="153"/>
        <source>Seed:</source>
        <translation>Tohum:</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="155"/>
        <source>St&amp;op</source>
        <translation>D&amp;urdur</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="177"/>
        <source>R&amp;uns</source>
        <translation>Ça&amp;lıştırmalar</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="178"/>
        <source>Ti&amp;me estimate</source>
        <translation>&amp;Süre tahmini</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="142"/>
        <source>&amp;Batch size:</source>
        <translation>Grup &amp;boyutu:</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="145"/>
        <source>&amp;Warmup steps:</source>
        <translation>Isınma adımla&amp;rı:</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="147"/>
        <source>Split train/val/test:</source>
        <translation>Bölme eğitim/doğrulama/test:</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="152"/>
        <source>Augment:</source>
        <translation>Çoğaltma:</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="154"/>
        <source>&amp;Start training</source>
        <translation>Eğ&amp;itimi başlat</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="156"/>
        <source>Stops after the current step and saves a checkpoint you can resume.</source>
        <translation>Geçerli adımdan sonra durur ve devam ettirilebilecek bir kontrol noktası kaydeder.</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="157"/>
        <source>&amp;Resume</source>
        <translation>Dev&amp;am et</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="158"/>
        <source>Continues the stopped run selected in the list from its last checkpoint.</source>
        <translation>Listede seçili durdurulmuş çalıştırmayı son kontrol noktasından sürdürür.</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="165"/>
        <source>Recipe</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="204"/>
        <source>The split shares add up to %1; they must add up to 1.</source>
        <translation>Bölme paylarının toplamı %1; toplam 1 olmalıdır.</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="366"/>
        <source>Epoch (dashed: best, %1)</source>
        <translation>Epok (kesikli çizgi: en iyi, %1)</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="90"/>
        <location filename="../ui/train_view.cpp" line="97"/>
        <source>Loss</source>
        <translation>Kayıp</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="90"/>
        <source>Step</source>
        <translation>Adım</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="94"/>
        <source>training loss (per step)</source>
        <translation>eğitim kaybı (adım başına)</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="95"/>
        <source>smoothed</source>
        <translation>düzleştirilmiş</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="100"/>
        <source>Accuracy</source>
        <translation>Doğruluk</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="97"/>
        <location filename="../ui/train_view.cpp" line="100"/>
        <location filename="../ui/train_view.cpp" line="366"/>
        <source>Epoch</source>
        <translation>Epok</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="98"/>
        <location filename="../ui/train_view.cpp" line="101"/>
        <source>training</source>
        <translation>eğitim</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="99"/>
        <location filename="../ui/train_view.cpp" line="102"/>
        <source>validation</source>
        <translation>doğrulama</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="110"/>
        <source>idle</source>
        <translation>boşta</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="143"/>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 / %3</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="149"/>
        <location filename="../ui/train_view.cpp" line="286"/>
        <source>Run %1: %2</source>
        <translation>Çalıştırma %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="156"/>
        <location filename="../ui/train_view.cpp" line="162"/>
        <source>Training failed: %1</source>
        <translation>Eğitim başarısız: %1</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="215"/>
        <source>Starting run in %1</source>
        <translation>Çalıştırma %1 içinde başlatılıyor</translation>
    </message>
    <message>
        <location filename="../ui/train_view_dialogs.cpp" line="29"/>
        <source>The warm-up takes %1 of the run&apos;s %2 steps (%3 training images, batch %4, %5 epochs): the learning rate only reaches %6 instead of %7, and the model may hardly learn.</source>
        <translation>Isınma, çalıştırmanın %2 adımının %1 adımını kaplıyor (%3 eğitim görüntüsü, grup boyutu %4, %5 epok): öğrenme oranı %7 yerine yalnızca %6 değerine ulaşır ve model neredeyse hiç öğrenmeyebilir.</translation>
    </message>
    <message>
        <location filename="../ui/train_view_dialogs.cpp" line="38"/>
        <source>The model has no pretrained weights (config.json only): it trains from scratch, which needs a larger learning rate than fine-tuning.</source>
        <translation>Modelin önceden eğitilmiş ağırlıkları yok (yalnızca config.json): sıfırdan eğitilir ve bu, ince ayardan daha büyük bir öğrenme oranı gerektirir.</translation>
    </message>
    <message>
        <location filename="../ui/train_view_dialogs.cpp" line="41"/>
        <source>The model is small (%1 M parameters): the notebook&apos;s learning rate is meant for fine-tuning ViT-B/16.</source>
        <translation>Model küçük (%1 M parametre): not defterinin öğrenme oranı ViT-B/16&apos;nın ince ayarı içindir.</translation>
    </message>
    <message>
        <location filename="../ui/train_view_dialogs.cpp" line="56"/>
        <source>Check the recipe</source>
        <translation>Tarifi denetleyin</translation>
    </message>
    <message>
        <location filename="../ui/train_view_dialogs.cpp" line="51"/>
        <source>Suggested: learning rate %1 with %2 warm-up steps (a tenth of the run).</source>
        <translation>Önerilen: %2 ısınma adımıyla öğrenme oranı %1 (çalıştırmanın onda biri).</translation>
    </message>
    <message>
        <location filename="../ui/train_view_dialogs.cpp" line="44"/>
        <source>Only part of the model would train, on a frozen part that has no pretrained weights: its weights stay random, so what trains has nothing to learn from. Freezing pays off with a pretrained model.</source>
        <translation>Modelin yalnızca bir kısmı eğitilecek; dondurulan kısmın önceden eğitilmiş ağırlıkları yok: ağırlıkları rastgele kalır, bu yüzden eğitilen kısmın öğrenebileceği bir şey olmaz. Dondurma, önceden eğitilmiş bir modelle işe yarar.</translation>
    </message>
    <message>
        <location filename="../ui/train_view_dialogs.cpp" line="55"/>
        <source>Suggested: train the whole network.</source>
        <translation>Önerilen: tüm ağı eğitin.</translation>
    </message>
    <message>
        <location filename="../ui/train_view_dialogs.cpp" line="59"/>
        <source>Use the suggested recipe</source>
        <translation>Önerilen tarifi kullan</translation>
    </message>
    <message>
        <location filename="../ui/train_view_dialogs.cpp" line="60"/>
        <source>Start as it is</source>
        <translation>Olduğu gibi başlat</translation>
    </message>
    <message>
        <location filename="../ui/train_view_dialogs.cpp" line="69"/>
        <source>Using learning rate %1 and %2 warm-up steps.</source>
        <translation>Öğrenme oranı %1 ve %2 ısınma adımı kullanılıyor.</translation>
    </message>
    <message>
        <location filename="../ui/train_view_dialogs.cpp" line="71"/>
        <source>Training the whole network.</source>
        <translation>Tüm ağ eğitiliyor.</translation>
    </message>
    <message>
        <location filename="../ui/train_view_dialogs.cpp" line="79"/>
        <source>Damaged checkpoint</source>
        <translation>Hasarlı kontrol noktası</translation>
    </message>
    <message>
        <location filename="../ui/train_view_dialogs.cpp" line="80"/>
        <source>The last checkpoint of run %1 is damaged, so the run cannot continue from it.</source>
        <translation>%1 çalıştırmasının son kontrol noktası hasarlı; çalıştırma oradan devam edemez.</translation>
    </message>
    <message>
        <location filename="../ui/train_view_dialogs.cpp" line="83"/>
        <source>The run kept a complete checkpoint at the end of its best epoch, epoch %1. Continue from there? The epochs after it are trained again, with the same result as before the damage.</source>
        <translation>Çalıştırma, en iyi epoku olan %1. epokun sonunda eksiksiz bir kontrol noktası sakladı. Oradan devam edilsin mi? Sonraki epoklar yeniden eğitilir ve hasardan önceki sonucun aynısı elde edilir.</translation>
    </message>
    <message>
        <location filename="../ui/train_view_dialogs.cpp" line="87"/>
        <source>Resume from epoch %1</source>
        <translation>%1. epoktan sürdür</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="234"/>
        <source>Resuming run %1</source>
        <translation>%1 çalıştırması sürdürülüyor</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="261"/>
        <source>Run %1 opens in the Evaluate view; the charts here follow the training in progress.</source>
        <translation>%1 çalıştırması Değerlendirme görünümünde açılır; buradaki grafikler süren eğitimi izler.</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="269"/>
        <source>Run %1 cannot be read: %2</source>
        <translation>%1 çalıştırması okunamıyor: %2</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="273"/>
        <source>The form shows the recipe of run %1; Start trains a new run with it.</source>
        <translation>Form, %1 çalıştırmasının tarifini gösteriyor; Başlat bu tarifle yeni bir çalıştırma eğitir.</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="306"/>
        <source>epoch %1 · step %2/%3 · %4 images/s · ETA %5:%6</source>
        <translation>epok %1 · adım %2/%3 · %4 görüntü/sn · kalan %5:%6</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="320"/>
        <source>Epoch %1: validation accuracy %2, loss %3%4</source>
        <translation>Epok %1: doğrulama doğruluğu %2, kayıp %3%4</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="324"/>
        <source> — best so far</source>
        <translation> — şimdiye kadarki en iyi</translation>
    </message>
</context>
<context>
    <name>vitscope::TrustPanel</name>
    <message>
        <location filename="../ui/trust_panel.cpp" line="48"/>
        <source>NLL: mean negative log-likelihood of the true class. Brier: mean squared error of the probabilities (0 to 2). ECE: the gap between confidence and accuracy, averaged over 15 confidence bins. MCE: the largest gap of a bin. Lower is better for all four.</source>
        <translation>NLL: gerçek sınıfın ortalama negatif log-olabilirliği. Brier: olasılıkların ortalama kare hatası (0 ile 2 arası). ECE: güven ile doğruluk arasındaki farkın 15 güven aralığı üzerinden ortalaması. MCE: bir aralıktaki en büyük fark. Dördünde de düşük olan daha iyidir.</translation>
    </message>
    <message>
        <location filename="../ui/trust_panel.cpp" line="51"/>
        <source>Accuracy</source>
        <translation>Doğruluk</translation>
    </message>
    <message>
        <location filename="../ui/trust_panel.cpp" line="51"/>
        <source>Confidence (top probability)</source>
        <translation>Güven (en yüksek olasılık)</translation>
    </message>
    <message>
        <location filename="../ui/trust_panel.cpp" line="57"/>
        <source>Reliability diagram: for the images in each confidence bin, how often the prediction was right. A calibrated model&apos;s bars follow the diagonal.</source>
        <translation>Güvenilirlik diyagramı: her güven aralığındaki görüntülerde tahminin ne sıklıkla doğru olduğu. Kalibre bir modelin çubukları köşegeni izler.</translation>
    </message>
    <message>
        <location filename="../ui/trust_panel.cpp" line="74"/>
        <source>The run&apos;s calibration cannot be used: %1</source>
        <translation>Çalıştırmanın kalibrasyonu kullanılamıyor: %1</translation>
    </message>
    <message>
        <location filename="../ui/trust_panel.cpp" line="75"/>
        <source>No calibration figures for this part: they are computed for the test and validation parts of runs trained with this version (vitscope-cli calibrate fits a calibration for any model).</source>
        <translation>Bu bölüm için kalibrasyon değerleri yok: bu sürümle eğitilen çalıştırmaların test ve doğrulama bölümleri için hesaplanır (vitscope-cli calibrate her model için bir kalibrasyon uyarlar).</translation>
    </message>
    <message>
        <location filename="../ui/trust_panel.cpp" line="82"/>
        <source>Temperature %1, fitted on the validation part.</source>
        <translation>Sıcaklık %1, doğrulama bölümünde uyarlandı.</translation>
    </message>
    <message>
        <location filename="../ui/trust_panel.cpp" line="84"/>
        <source>Only %1 validation images: the temperature and the sets are rough; the more held-out images, the firmer they are.</source>
        <translation>Yalnızca %1 doğrulama görüntüsü: sıcaklık ve kümeler kabacadır; ayrılmış görüntü arttıkça daha sağlam olurlar.</translation>
    </message>
    <message>
        <location filename="../ui/trust_panel.cpp" line="86"/>
        <source>These are the images the calibration was fitted on, so the figures after scaling and the coverage are not an independent check: read them on the test part.</source>
        <translation>Kalibrasyon bu görüntülerde uyarlandı; bu yüzden ölçekleme sonrası değerler ve kapsam bağımsız bir denetim değildir: bunları test bölümünde okuyun.</translation>
    </message>
    <message>
        <location filename="../ui/trust_panel.cpp" line="90"/>
        <source>%1 sets (%2): they held the true class for %3 of these images, with %4 classes on average.</source>
        <translation>%1 kümeler (%2): bu görüntülerin %3 kadarında gerçek sınıfı içerdi, ortalama %4 sınıfla.</translation>
    </message>
    <message>
        <location filename="../ui/trust_panel.cpp" line="94"/>
        <source>Too few validation images for %1 sets: every set holds every class.</source>
        <translation>%1 kümeler için doğrulama görüntüsü çok az: her küme her sınıfı içerir.</translation>
    </message>
    <message>
        <location filename="../ui/trust_panel.cpp" line="97"/>
        <source>Intervals: %1 bootstrap resamples (percentile), seed %2.</source>
        <translation>Aralıklar: %1 bootstrap yeniden örneklemi (yüzdelik), tohum %2.</translation>
    </message>
    <message>
        <location filename="../ui/trust_panel.cpp" line="100"/>
        <source>Measure</source>
        <translation>Ölçü</translation>
    </message>
    <message>
        <location filename="../ui/trust_panel.cpp" line="100"/>
        <location filename="../ui/trust_panel.cpp" line="114"/>
        <source>Raw</source>
        <translation>Ham</translation>
    </message>
    <message>
        <location filename="../ui/trust_panel.cpp" line="100"/>
        <location filename="../ui/trust_panel.cpp" line="115"/>
        <source>Calibrated</source>
        <translation>Kalibre</translation>
    </message>
    <message>
        <location filename="../ui/trust_panel.cpp" line="101"/>
        <source>NLL</source>
        <translation>NLL</translation>
    </message>
    <message>
        <location filename="../ui/trust_panel.cpp" line="102"/>
        <source>Brier</source>
        <translation>Brier</translation>
    </message>
    <message>
        <location filename="../ui/trust_panel.cpp" line="103"/>
        <source>ECE</source>
        <translation>ECE</translation>
    </message>
    <message>
        <location filename="../ui/trust_panel.cpp" line="104"/>
        <source>MCE</source>
        <translation>MCE</translation>
    </message>
</context>
</TS>
