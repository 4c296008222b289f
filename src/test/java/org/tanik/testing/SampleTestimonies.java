package org.tanik.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.tanik.model.Act;
import org.tanik.model.Incident;
import org.tanik.model.Interview;
import org.tanik.model.Interviewee;
import org.tanik.model.PartialDate;
import org.tanik.model.Perpetrator;
import org.tanik.model.Person;
import org.tanik.model.Place;
import org.tanik.model.Sex;
import org.tanik.model.TestimonyContent;
import org.tanik.model.Vocabulary;

/**
 * Realistic, reproducible testimonies for tests and benchmarks: narratives of 300 to 5,000 words
 * (median about 900) in Turkish-like text with the vocabulary and word frequencies of real text
 * ({@link TurkishText}), naming people, provinces, districts and facilities. The same seed gives the
 * same testimonies; each call makes one, so a benchmark can stream any number of them.
 */
public final class SampleTestimonies {

    public static final int MIN_WORDS = 300;
    public static final int MAX_WORDS = 5_000;
    /** Narrative lengths are log-normal around this median, redrawn when outside MIN..MAX. */
    static final double MEDIAN_WORDS = 900;
    static final double LENGTH_SIGMA = 0.6;

    private static final Locale TURKISH = Locale.forLanguageTag("tr");
    private static final String[] FIRST_NAMES = ("Ahmet Mehmet Mustafa Ali Hüseyin Hasan İbrahim İsmail Ömer Yusuf Osman "
            + "Murat Emre Serkan Gökhan Çağlar Doğan Oğuz Ertuğrul Şükrü Ümit Tuğrul Barış Erdoğan Kadir Süleyman Halil "
            + "Ayşe Fatma Emine Hatice Zeynep Elif Özlem Gülşen İlknur İpek Büşra Şeyma Kübra Tuğba Yağmur Sevgi Dilek "
            + "Nurcan Gönül Şule Çiğdem Müge Ülkü Esra Merve Hülya Sibel Nilüfer Aslı Derya").split(" ");
    private static final String[] SURNAME_HEADS = ("Kara Ak Demir Yıl Öz Şahin Çelik Kılıç Er Gök Ay Gün Tek Koç Doğan "
            + "Yurt Bay Türk Uç Taş Kaya Arslan Aydın Ateş Çak Değir Ilgaz Işık Kurt Şen Uzun Kısa Sarı Boz Yücel "
            + "Ünal Çiftçi Öztür Acar Güler Bulut Polat Erdem Akgül Çetin Tunç Yağız Sağ").split(" ");
    private static final String[] SURNAME_TAILS = ("oğlu er can soy türk taş kaya dağ han gül ok bay men ay su el "
            + "baş yol çay şen öz kan ışık ağa gil lı").split(" ");
    /** A few districts per province code, so places in the text vary beyond the 81 provinces. */
    private static final String[][] DISTRICTS = {
        {"34", "Silivri", "Bakırköy", "Kartal", "Üsküdar", "Ümraniye", "Eyüpsultan", "Şişli", "Beşiktaş", "Kağıthane"},
        {"06", "Sincan", "Çankaya", "Keçiören", "Yenimahalle", "Mamak", "Gölbaşı", "Polatlı"},
        {"35", "Buca", "Bornova", "Karşıyaka", "Aliağa", "Menemen", "Şakran", "Ödemiş"},
        {"16", "Osmangazi", "Nilüfer", "İnegöl", "Gemlik", "Mudanya"},
        {"42", "Selçuklu", "Meram", "Karatay", "Ereğli", "Akşehir"},
        {"27", "Şahinbey", "Şehitkamil", "Nizip", "İslahiye"},
        {"21", "Bağlar", "Kayapınar", "Sur", "Yenişehir", "Ergani"},
        {"41", "İzmit", "Gebze", "Kandıra", "Gölcük", "Darıca"},
        {"01", "Seyhan", "Çukurova", "Yüreğir", "Ceyhan", "Kozan"},
        {"61", "Ortahisar", "Akçaabat", "Of", "Sürmene"},
    };
    private static final String[] FACILITIES = {"L Tipi Kapalı Cezaevi", "T Tipi Kapalı Cezaevi", "F Tipi Yüksek Güvenlikli Cezaevi",
        "Kadın Kapalı Cezaevi", "Açık Cezaevi", "İl Emniyet Müdürlüğü", "İlçe Emniyet Müdürlüğü", "TEM Şube Müdürlüğü",
        "Jandarma Komutanlığı", "Adliyesi", "Devlet Hastanesi", "Geri Gönderme Merkezi", "Ağır Ceza Mahkemesi"};
    private static final String[] MONTHS = ("Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık")
            .split(" ");
    private static final String[] UNITS = {"TEM Şube", "Terörle Mücadele Şube", "İstihbarat Şube", "Asayiş Şube",
        "Jandarma İstihbarat", "Cezaevi İdaresi"};
    private static final String[] RANKS = {"Komiser", "Başkomiser", "Polis Memuru", "Astsubay", "Müdür", "Gardiyan"};

    private final SplittableRandom random;
    private final TurkishText text = TurkishText.get();
    private final Vocabulary vocabulary = Vocabulary.load();

    public SampleTestimonies(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public TestimonyContent next(int n) {
        List<Incident> incidents = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Place> places = new ArrayList<>();
        int incidentCount = 1 + random.nextInt(2);
        for (int i = 0; i < incidentCount; i++) {
            List<Act> acts = new ArrayList<>();
            int actCount = 1 + random.nextInt(3);
            for (int a = 0; a < actCount; a++) {
                String victim = personName();
                Place place = place();
                names.add(victim);
                places.add(place);
                acts.add(new Act(pick(vocabulary.violationTypes()).code(),
                        PartialDate.month(2016 + random.nextInt(8), 1 + random.nextInt(12)), PartialDate.UNKNOWN, place,
                        List.of(new Person(victim, Sex.values()[random.nextInt(4)], 1950 + random.nextInt(50),
                                pick(vocabulary.occupations()).code())),
                        List.of(new Perpetrator(pick(vocabulary.institutions()).code(), pick(UNITS), pick(RANKS),
                                random.nextInt(4) == 0 ? personName() : "")),
                        words(10 + random.nextInt(30), names, places)));
            }
            incidents.add(new Incident("Olay " + (i + 1), acts));
        }
        String title = "Tanıklık " + n + " " + words(4, List.of(), List.of()).replace(".", "").trim();
        return new TestimonyContent(title,
                new Interview(LocalDate.of(2018 + random.nextInt(6), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                        "Köln", "Gönüllü " + random.nextInt(20), List.of("tr"), "Görüşmeci ve tanık"),
                new Interviewee("Takma ad " + n, "+90 555 000 " + n, "Eşi"), incidents,
                words(narrativeLength(), names, places));
    }

    /** A log-normal length (skewed: most are short, a few very long), redrawn until within MIN..MAX. */
    int narrativeLength() {
        while (true) {
            double gaussian = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
            long words = Math.round(MEDIAN_WORDS * Math.exp(LENGTH_SIGMA * gaussian));
            if (words >= MIN_WORDS && words <= MAX_WORDS) {
                return (int) words;
            }
        }
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private String pick(String[] array) {
        return array[random.nextInt(array.length)];
    }

    private String personName() {
        return pick(FIRST_NAMES) + " " + pick(SURNAME_HEADS) + pick(SURNAME_TAILS);
    }

    private Place place() {
        if (random.nextInt(3) == 0) {
            return new Place(pick(vocabulary.provinces()).code(), "Merkez", "İl Emniyet Müdürlüğü");
        }
        String[] districts = DISTRICTS[random.nextInt(DISTRICTS.length)];
        String district = districts[1 + random.nextInt(districts.length - 1)];
        return new Place(districts[0], district, district + " " + pick(FACILITIES));
    }

    /** Now and then a person, a place or a date (of this testimony, or a new one); mostly null: a plain word. */
    private String special(List<String> names, List<Place> places) {
        switch (random.nextInt(40)) {
            case 0:
                return names.isEmpty() || random.nextInt(3) == 0 ? personName() : names.get(random.nextInt(names.size()));
            case 1:
                Place p = places.isEmpty() || random.nextInt(3) == 0 ? place() : places.get(random.nextInt(places.size()));
                return random.nextBoolean() ? p.facility() : p.district() + " " + provinceName(p.province());
            case 2:
                return (1 + random.nextInt(28)) + " " + pick(MONTHS) + " " + (2016 + random.nextInt(8));
            default:
                return null;
        }
    }

    private String provinceName(String code) {
        return vocabulary.province(code).map(t -> t.label(TURKISH)).orElse(code);
    }

    /**
     * {@code count} words in sentences: forms drawn from the Zipf vocabulary, now and then a person,
     * a place or a date of this testimony (or a new one), each sentence capitalised the Turkish way.
     */
    private String words(int count, List<String> names, List<Place> places) {
        StringBuilder sb = new StringBuilder(count * 9);
        int written = 0;
        int sentence = 0;
        while (written < count) {
            int length = Math.min(count - written, 5 + random.nextInt(14));
            int start = sb.length();
            for (int w = 0; w < length; ) {
                String piece = special(names, places);
                int pieceWords = piece == null ? 1 : piece.split(" ").length;
                if (piece == null || pieceWords > length - w) {
                    piece = text.draw(random);
                    pieceWords = 1;
                }
                w += pieceWords;
                sb.append(piece).append(w < length ? " " : "");
            }
            // Turkish capitalisation: iddia -> İddia, ısrar -> Israr.
            String first = sb.substring(start, start + 1);
            sb.replace(start, start + 1, first.toUpperCase(TURKISH));
            written += length;
            sb.append(++sentence % 6 == 0 ? ".\n\n" : ". ");
        }
        return sb.toString();
    }
}
