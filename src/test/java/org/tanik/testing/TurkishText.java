package org.tanik.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Turkish-like word forms with the frequencies of real text, for sample testimonies. Turkish is
 * agglutinative: one stem yields dozens of forms (gözaltı, gözaltına, gözaltındaki, gözaltılarından…),
 * so real narratives bring a vocabulary of hundreds of thousands of forms, which is what the search
 * index must cope with. The forms here are stems with suffix chains that follow vowel harmony,
 * consonant assimilation and softening (so ç ğ ı ö ş ü all occur), ranked so that function words and
 * short forms come first, and drawn with a Zipf distribution (exponent 1) over those ranks.
 *
 * <p>Built once per JVM (about a second): the forms by rank and a cumulative table; drawing a form is
 * one binary search in that table.
 */
public final class TurkishText {

    /** Distinct forms in the vocabulary. */
    public static final int FORMS = 400_000;
    /** Zipf exponent: frequency of the form of rank r is proportional to 1 / r^s. */
    static final double EXPONENT = 1.0;

    /** The most frequent words of any Turkish text, most frequent first: they take the first ranks. */
    private static final String[] FUNCTION_WORDS = ("ve bir bu da de için ile o çok daha ne gibi sonra ben ama "
            + "kadar beni bana bize biz onlar onu ona en her şey diye var yok mı mi değil olarak hiç ki ya "
            + "benim bizim onun şu bile artık hemen önce göre içinde üzerine zaman gün yıl kez tekrar yine "
            + "ancak çünkü eğer hem sadece bazen hep").split(" ");

    /** The vocabulary of the old sample text, bare: tests and benchmarks search for these words. */
    private static final String[] DOMAIN_WORDS = ("gözaltı cezaevi avukat ifade savcılık polis koğuş hücre doktor aile "
            + "ziyaret mektup mahkeme duruşma tutuklama ihraç pasaport sürgün öğretmen hâkim akademisyen gazeteci "
            + "şiddet kelepçe sorgu tehdit imza işkence kayıp arama el koyma").split(" ");

    private static final String[] NOUNS = ("gözaltı cezaevi avukat ifade savcılık polis koğuş hücre doktor aile ziyaret "
            + "mektup mahkeme duruşma tutuklama ihraç pasaport sürgün öğretmen hâkim akademisyen gazeteci şiddet kelepçe "
            + "sorgu tehdit imza işkence kayıp arama el ev iş okul çocuk kardeş anne baba eş arkadaş komşu oda kapı "
            + "pencere araba yol sokak şehir köy ülke devlet hükümet kurum müdürlük karakol şube memur asker komiser "
            + "gardiyan müdür hakim savcı tanık sanık mağdur dosya belge kayıt tutanak karar dava suç ceza hapis "
            + "tahliye rapor hastane ilaç tedavi sağlık hastalık ağrı yara kemik göz baş kol bacak ayak yüz sırt "
            + "gece sabah akşam hafta ay saat dakika gün para telefon bilgisayar kitap gazete haber sosyal medya "
            + "hesap banka sendika dernek vakıf üniversite öğrenci ders sınav maaş ihbar itiraf baskı korku endişe "
            + "umut hayat ölüm cenaze mezar yas gerçek yalan soru cevap söz ses bağırış hakaret dayak tokat "
            + "tekme yumruk battaniye yemek su ekmek yatak tuvalet duş havalandırma ışık karanlık soğuk sıcak açlık "
            + "grev direniş eylem örgüt üyelik kanıt delil tanıklık görüşme bağlantı uygulama ıslak erkek kadın "
            + "bebek hamile kızkardeş amca dayı teyze hala yeğen torun dede nine damat gelin düğün bayram tatil "
            + "sınır kaçak gemi otobüs uçak havaalanı gümrük vize iltica mülteci göç yabancı dil çeviri tercüman "
            + "meslek mühendis hemşire hakimiyet ordu darbe kararname liste ihbarname tebligat celp müdafi "
            + "mahkumiyet beraat temyiz istinaf anayasa hukuk adalet vicdan inanç din cami kilise namaz oruç "
            + "ağaç bıçak kulak dudak yanak toprak bardak çiçek köpek bölük ocak kucak").split(" ");

    private static final String[] VERBS = ("gel git al ver gör bil bul kal yap et ol de söyle anlat sor bekle "
            + "götür getir tut bırak çık gir otur yat kalk koş düş vur döv bağır ağla gül sus konuş dinle yaz oku "
            + "imzala tutukla yakala ara sakla kaç dön bak izle sus öğren anla düşün hatırla unut sev kork "
            + "üzül yorul acı kanat kır kes sok çek it at taşı yıka ye iç uyu uyan giy çıkar aç kapa başla bitir "
            + "yaşa öl tanı gönder kabul ret haberleş ziyaret koy").split(" ");

    /** Syllables for invented stems, beyond the real ones: Turkish-like, with every special letter. */
    private static final String[] ONSETS = "b c ç d f g h k l m n p r s ş t v y z".split(" ");
    private static final String[] NUCLEI = "a e ı i o ö u ü".split(" ");
    private static final String[] CODAS = "- - - n r l k m ş z t ç s ğ y".split(" ");

    private static final String[] POSSESSIVES = {"", "(I)m", "(I)n", "(s)I", "(I)mIz", "(I)nIz", "lArI"};
    private static final String[] CASES = {"", "(y)I", "(y)A", "DA", "DAn", "(n)In", "(y)lA", "DAki", "(y)DI",
        "DIr"};
    /** Cases after a third-person possessive take a pronominal n. */
    private static final String[] CASES_AFTER_THIRD = {"", "nI", "nA", "nDA", "nDAn", "nIn", "(y)lA", "nDAki",
        "(y)DI", "DIr"};
    private static final String[] DERIVATIONS = {"", "lIk", "CI", "sIz", "lI", "CIlIk", "lAş"};
    private static final String[] VOICES = {"", "(I)l", "DIr", "(I)ş"};
    private static final String[] PERSONS_VERBAL = {"(y)Im", "sIn", "", "(y)Iz", "sInIz", "lAr"};
    private static final String[] PERSONS_PAST = {"m", "n", "", "k", "nIz", "lAr"};
    /** Tense and mood suffixes, with the person set each takes (true: past-type persons). */
    private static final String[] TENSES = {"DI", "mIş", "~Iyor", "(y)AcAk", "mAlI", "sA", "(y)AbilIr"};
    /** Non-finite forms: participles and verbal nouns that take possessives and cases. */
    private static final String[] NON_FINITE = {"DIk", "(y)AcAk", "mA"};
    private static final String[] ADVERBIAL = {"mAk", "(y)An", "(y)IncA", "(y)ArAk", "(y)Ip", "mAdAn", "(y)AlI",
        "mAktA"};

    private static volatile TurkishText instance;

    private final String[] forms;
    private final double[] cumulative;
    /**
     * guide[k] is the first rank whose cumulative probability exceeds k / GUIDE: a draw then searches
     * only its slice of the table, which stays in cache, instead of the whole 3 MB.
     */
    private final int[] guide = new int[GUIDE + 1];
    private static final int GUIDE = 1 << 16;

    private TurkishText() {
        Map<String, Double> scores = new LinkedHashMap<>();
        SplittableRandom jitter = new SplittableRandom(1);
        int stem = 0;
        for (String noun : NOUNS) {
            addNoun(scores, noun, stemWeight(stem++), jitter);
        }
        for (String verb : VERBS) {
            addVerb(scores, verb, stemWeight(stem++), jitter);
        }
        // Invented stems fill the long tail, as the thousands of rarer real stems would.
        SplittableRandom invent = new SplittableRandom(2);
        while (scores.size() < FORMS * 1.3) {
            String s = inventStem(invent);
            if (invent.nextInt(3) == 0) {
                addVerb(scores, s, stemWeight(stem++), jitter);
            } else {
                addNoun(scores, s, stemWeight(stem++), jitter);
            }
        }
        List<String> head = new ArrayList<>(Arrays.asList(FUNCTION_WORDS));
        for (String w : DOMAIN_WORDS) {
            if (!head.contains(w)) {
                head.add(w);
            }
        }
        head.forEach(scores::remove);
        List<Map.Entry<String, Double>> rest = new ArrayList<>(scores.entrySet());
        rest.sort(Map.Entry.comparingByValue(Comparator.naturalOrder()));
        forms = new String[FORMS];
        for (int i = 0; i < FORMS; i++) {
            forms[i] = i < head.size() ? head.get(i) : rest.get(i - head.size()).getKey();
        }
        cumulative = new double[FORMS];
        double sum = 0;
        for (int i = 0; i < FORMS; i++) {
            sum += Math.pow(i + 1, -EXPONENT);
            cumulative[i] = sum;
        }
        for (int i = 0; i < FORMS; i++) {
            cumulative[i] /= sum;
        }
        cumulative[FORMS - 1] = 1.0;
        for (int k = 0, i = 0; k <= GUIDE; k++) {
            while (i < FORMS - 1 && cumulative[i] <= (double) k / GUIDE) {
                i++;
            }
            guide[k] = i;
        }
    }

    /** The vocabulary, built on first use. */
    public static TurkishText get() {
        TurkishText t = instance;
        if (t == null) {
            synchronized (TurkishText.class) {
                if (instance == null) {
                    instance = new TurkishText();
                }
                t = instance;
            }
        }
        return t;
    }

    public int size() {
        return forms.length;
    }

    /** The form of a rank, 0 being the most frequent. */
    public String form(int rank) {
        return forms[rank];
    }

    /** A rank drawn with the Zipf distribution. */
    public int drawRank(SplittableRandom random) {
        double u = random.nextDouble();
        int k = (int) (u * GUIDE);
        int i = Arrays.binarySearch(cumulative, guide[k], guide[k + 1] + 1, u);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** A form drawn with the Zipf distribution. */
    public String draw(SplittableRandom random) {
        return forms[drawRank(random)];
    }

    /** Earlier stems are commoner: a form's score grows with the log of its stem's place. */
    private static double stemWeight(int stem) {
        return 0.8 * Math.log(stem + 2);
    }

    private static void add(Map<String, Double> scores, String form, double score) {
        scores.merge(form, score, Math::min);
    }

    /** Every stem + derivation + plural + possessive + case form; each suffix adds to the score. */
    private static void addNoun(Map<String, Double> scores, String stem, double weight, SplittableRandom jitter) {
        for (int d = 0; d < DERIVATIONS.length; d++) {
            String base = attach(stem, DERIVATIONS[d]);
            for (int plural = 0; plural < 2; plural++) {
                String b = plural == 0 ? base : attach(base, "lAr");
                for (int p = 0; p < POSSESSIVES.length; p++) {
                    if (plural == 1 && p == POSSESSIVES.length - 1) {
                        continue; // evleri is plural + (s)I already
                    }
                    String owned = attach(b, POSSESSIVES[p]);
                    boolean third = p == 3 || p == POSSESSIVES.length - 1;
                    String[] cases = third ? CASES_AFTER_THIRD : CASES;
                    for (int c = 0; c < cases.length; c++) {
                        int suffixes = (d > 0 ? 1 : 0) + plural + (p > 0 ? 1 : 0) + (c > 0 ? 1 : 0);
                        add(scores, attach(owned, cases[c]), weight + suffixes * 1.5 + c * 0.15 + 2 * jitter.nextDouble());
                    }
                }
            }
        }
    }

    /** Voice + negation + tense + person, non-finite forms with possessive and case, and adverbials. */
    private static void addVerb(Map<String, Double> scores, String stem, double weight, SplittableRandom jitter) {
        for (int v = 0; v < VOICES.length; v++) {
            String voiced = attach(stem, VOICES[v]);
            for (int neg = 0; neg < 2; neg++) {
                String base = neg == 0 ? voiced : attach(voiced, "mA");
                double w = weight + (v > 0 ? 1.5 : 0) + neg * 1.2;
                for (int t = 0; t < TENSES.length; t++) {
                    String tensed = attach(base, TENSES[t]);
                    String[] persons = t == 0 || t == 5 ? PERSONS_PAST : PERSONS_VERBAL;
                    for (int p = 0; p < persons.length; p++) {
                        add(scores, attach(tensed, persons[p]), w + 1 + t * 0.2 + (p == 2 ? 0 : 1) + 2 * jitter.nextDouble());
                    }
                }
                for (String nf : NON_FINITE) {
                    String n = attach(base, nf);
                    for (int p = 0; p < POSSESSIVES.length; p++) {
                        String owned = attach(n, POSSESSIVES[p]);
                        String[] cases = p == 3 || p == POSSESSIVES.length - 1 ? CASES_AFTER_THIRD : CASES;
                        for (int c = 0; c < 7; c++) {
                            add(scores, attach(owned, cases[c]), w + 2.5 + (p > 0 ? 1 : 0) + (c > 0 ? 1 : 0)
                                    + 2 * jitter.nextDouble());
                        }
                    }
                }
                for (String adv : ADVERBIAL) {
                    add(scores, attach(base, adv), w + 1.5 + 2 * jitter.nextDouble());
                }
            }
        }
    }

    private static String inventStem(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        int syllables = 1 + r.nextInt(3);
        for (int s = 0; s < syllables; s++) {
            if (s > 0 || r.nextInt(4) > 0) {
                sb.append(ONSETS[r.nextInt(ONSETS.length)]);
            }
            char v = NUCLEI[r.nextInt(NUCLEI.length)].charAt(0);
            // Inside a stem vowels mostly agree in frontness, as in native words.
            char last = lastVowel(sb);
            if (last != 0 && front(last) != front(v)) {
                v = NUCLEI[(r.nextInt(4) * 2) + (front(last) ? 1 : 0)].charAt(0);
            }
            sb.append(v);
            String coda = CODAS[r.nextInt(CODAS.length)];
            if (!coda.equals("-") && (s == syllables - 1 || r.nextBoolean())) {
                sb.append(coda);
            }
        }
        // ğ never starts a syllable or ends a word in Turkish: make a final ğ a k.
        if (sb.charAt(sb.length() - 1) == 'ğ') {
            sb.setCharAt(sb.length() - 1, 'k');
        }
        return sb.toString();
    }

    /**
     * Attaches a suffix template. Upper case letters are archiphonemes: A = a/e and I = ı/i/u/ü by
     * vowel harmony, D = d/t and C = c/ç by the voicing of the sound before. A letter in parentheses
     * is a buffer: a consonant one is used after a vowel, a vowel one after a consonant. A leading
     * ~ drops the word's final vowel (bekle + ~Iyor = bekliyor).
     */
    static String attach(String word, String template) {
        if (template.isEmpty()) {
            return word;
        }
        StringBuilder sb = new StringBuilder(word.length() + template.length());
        sb.append(word);
        int i = 0;
        if (template.charAt(0) == '~') {
            if (vowel(sb.charAt(sb.length() - 1)) && sb.length() >= 2) {
                sb.setLength(sb.length() - 1);
            }
            i = 1;
        }
        if (template.charAt(i) == '(') {
            char buffer = template.charAt(i + 1);
            boolean afterVowel = vowel(sb.charAt(sb.length() - 1));
            boolean vowelBuffer = buffer == 'I' || buffer == 'A';
            if (afterVowel != vowelBuffer) {
                append(sb, buffer, sb.length());
            }
            i += 3;
        }
        int boundary = sb.length();
        for (; i < template.length(); i++) {
            append(sb, template.charAt(i), boundary);
        }
        return sb.toString();
    }

    /** Appends one template letter; {@code boundary} is where the suffix starts (softening happens only there). */
    private static void append(StringBuilder sb, char c, int boundary) {
        char prev = sb.charAt(sb.length() - 1);
        char out = switch (c) {
            case 'A' -> front(lastVowel(sb)) ? 'e' : 'a';
            case 'I' -> highVowel(lastVowel(sb));
            case 'D' -> voiceless(prev) ? 't' : 'd';
            case 'C' -> voiceless(prev) ? 'ç' : 'c';
            default -> c;
        };
        // A vowel after a final k, p or ç of a word of two or more syllables softens it (çocuk, çocuğu).
        if (vowel(out) && sb.length() == boundary && syllables(sb) >= 2) {
            int last = sb.length() - 1;
            switch (prev) {
                case 'k' -> sb.setCharAt(last, sb.charAt(last - 1) == 'n' ? 'g' : 'ğ');
                case 'p' -> sb.setCharAt(last, 'b');
                case 'ç' -> sb.setCharAt(last, 'c');
                default -> { }
            }
        }
        sb.append(out);
    }

    private static int syllables(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (vowel(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    private static boolean vowel(char c) {
        return "aeıioöuüâîû".indexOf(c) >= 0;
    }

    private static boolean front(char v) {
        return "eiöüî".indexOf(v) >= 0;
    }

    private static boolean voiceless(char c) {
        return "çfhkpsşt".indexOf(c) >= 0;
    }

    private static char highVowel(char v) {
        return switch (v) {
            case 'a', 'ı', 'â' -> 'ı';
            case 'o', 'u', 'û' -> 'u';
            case 'ö', 'ü' -> 'ü';
            default -> 'i';
        };
    }

    private static char lastVowel(CharSequence s) {
        for (int i = s.length() - 1; i >= 0; i--) {
            if (vowel(s.charAt(i))) {
                return s.charAt(i);
            }
        }
        return 0;
    }
}
