package org.tanik.model;

/** Where an act happened: a province code (licence-plate number, "01".."81"), district and facility. */
public record Place(String province, String district, String facility) {
    public Place {
        province = Text.orEmpty(province);
        district = Text.orEmpty(district);
        facility = Text.orEmpty(facility);
    }

    public static Place empty() {
        return new Place("", "", "");
    }
}
