package org.tanik.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

/** Realistic, reproducible testimonies for tests and benchmarks. */
public final class SampleTestimonies {

    private static final String[] WORDS = ("gözaltı cezaevi avukat ifade savcılık polis koğuş hücre doktor aile ziyaret "
            + "mektup mahkeme duruşma tutuklama ihraç pasaport sürgün öğretmen hâkim akademisyen gazeteci şiddet "
            + "kelepçe sorgu tehdit imza işkence kayıp arama el koyma").split(" ");
    private final Random random;
    private final Vocabulary vocabulary = Vocabulary.load();

    public SampleTestimonies(long seed) {
        this.random = new Random(seed);
    }

    public TestimonyContent next(int n) {
        List<Incident> incidents = new ArrayList<>();
        int incidentCount = 1 + random.nextInt(2);
        for (int i = 0; i < incidentCount; i++) {
            List<Act> acts = new ArrayList<>();
            int actCount = 1 + random.nextInt(3);
            for (int a = 0; a < actCount; a++) {
                acts.add(new Act(pick(vocabulary.violationTypes()).code(),
                        PartialDate.month(2016 + random.nextInt(8), 1 + random.nextInt(12)), PartialDate.UNKNOWN,
                        new Place(pick(vocabulary.provinces()).code(), "Merkez", "Emniyet Müdürlüğü"),
                        List.of(new Person("Kişi " + n + "-" + a, Sex.values()[random.nextInt(4)], 1950 + random.nextInt(50),
                                pick(vocabulary.occupations()).code())),
                        List.of(new Perpetrator(pick(vocabulary.institutions()).code(), "TEM Şube", "Komiser", "")),
                        words(20)));
            }
            incidents.add(new Incident("Olay " + (i + 1), acts));
        }
        return new TestimonyContent("Tanıklık " + n + " " + words(4),
                new Interview(LocalDate.of(2018 + random.nextInt(6), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                        "Köln", "Gönüllü " + random.nextInt(20), List.of("tr"), "Görüşmeci ve tanık"),
                new Interviewee("Takma ad " + n, "+90 555 000 " + n, "Eşi"), incidents, words(400));
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private String words(int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.append(WORDS[random.nextInt(WORDS.length)]).append(i % 15 == 14 ? ".\n" : " ");
        }
        return sb.toString();
    }
}
