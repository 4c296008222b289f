package org.tanik.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tanik.crypto.Ed25519Pem;
import org.tanik.crypto.age.X25519Identity;

/**
 * The example in src/site/markdown/bundle-format.md, byte for byte: a format-version-1 bundle made by
 * an earlier build must keep opening, and the documented values must stay true. The keys are
 * example keys, published in the document; they protect nothing.
 */
class ExampleBundleTest {
    static final String IDENTITY = "AGE-SECRET-KEY-1K7SD3UV90LKR2VEG5FHNNG666YQHK98PD69L6EP26QC8RHWHH4ZQCAFMDR";
    static final String RECIPIENT = "age15pvmqmcavvmqk399ad6us2yrv7657x5vasawdfqynk6z4lkgm32sd7rx59";
    static final String DEVICE_PEM = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA1/EjLj5u2m8Kt6kLmF2WZD3Ws6XF+Yg1Tz3CrtPVXzM=\n-----END PUBLIC KEY-----\n";
    static final String BUNDLE_ID = "cb28c03e-90b2-4ad8-a96d-5ad0d4371fd4";
    static final String FILE_SHA256 = "c2cd5a3b2f3c87f18a9032edb425c767d1605906c265883a5438e431c104327e";
    static final byte[] BUNDLE = Base64.getDecoder().decode(String.join("",
            "YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IFgyNTUxOSBNWmI4dFFUS2ZnME5obGtDZ0JydTBwdlhOclg5NmNDSzV5Z21KR2dr",
            "ZDJjCnlvQzkxand6dUgrNUJ2MnFoTHlDemt1RThGUGZ5MVFrL3BQZU0xS2N1L2cKLS0tIDVpdm9BTmJjL3Bkc3pjQy9NcW9P",
            "ei9rVFFiaWhzcG9TRXJ3dmJQaFZHWDQK1TH2cQ1jNOPlNFcy3+5YlCO0bU2sxhk1BV3lAJCNd2BiAZ2l9/bpeZuD92zmXMNr",
            "xJF8PiEWiZC1BHRegahK+K51YFgBtjE38B7O2urII3XiBk4RRayo6iefA30CdLBSNIFM39yInWzvWnxFijvVBVfxBdV08g4n",
            "bd5a5k6jMcfEyUZstWhKedF44SBYIwwKsCuWuNwr/+slt4M4r8iO2lerIrUiPyna/yGHoLiC+R+8TZxj/3QJzJjT2yz9mdUQ",
            "/JPC8i5ijIk05Fuf0nfAUH+5kPIycPXvRe95W7OwK1xcRx/3CftOwP9X3nHvRBtNdkhNQmRHGBBgsHdrKnsHy+Zozpp/zkst",
            "fgqalpLnDautqXXRSdMltcUjgMXuKigqiLmGm8ZV8j5pJ57hLoCQgeuD0TkXfn4Lz+r7O7F9oBL5QS0RM3sP8LaUapgqLY1z",
            "Fbcs82xe00N1NbgRXDPpCYt2Xdf3atxL2cBMulvM45vkBlW7FYSbbAULPyCca7JslbmkCMLYIULgDQE7DGFGrEAk3q/3pM8Q",
            "FUFwqjjB15bD87Wu3xg9MuYR0DWaD+zMbJ6uxw0WfNztFGzBBmOI2sscT3RgUggz+KX4osQ0asba7ea+TiZ17RMfcs71zw6G",
            "9Md6uf8TkXDiJNro05YSvoaRKZYSmnNCDVHEdOF9EJeDFt6W0zH+bvyE1lhE7fB8VrA8gqy6MRoNkM1xzEuYKhdThSzT2M6i",
            "MMlXXleRHBQOOqY0Hn/og4XcdfcVWHV0RqeUP4FfYSEEQ91OgucbLAKVuT/fq+JMf3NQu+cCVukWM8C/PDTzVfdYBvv8mGBd",
            "pb7ZWfpOEPzOsxg/0yF/0xIxmpdWcgIFFlsVmjVcX3HYWD2pyBSzC7ZR9+1ES39dcVzTjL6N8jtdAwl6WX6H25p81UaBppWH",
            "YNKneExqmNLrVwI+cUMkjAPiPatkf0ztYUaF+RUTBcpn0ZAGcFD0RYwPJXwxqUEayHCG3h4q41Db5h8OMZh4MEl7Cst/5GCm",
            "gbxZ8RHhinLWMvTYQaIBAwx1qOvUYUQ7bhXY49ud/JFGsF+CE2dFJdaU3SBECRM+FpZGpyBugmQjC1WKiY5lnNT1zKJcv7b2",
            "qEU/VXOcWmJSqrnOutDM3yINw/JZlc5N/bf0GDUo7aWOUm9gUm7mltCmXQiKe2GYclnvVH/tlGyHM7d+EDBeaWT1lgUK1ypN",
            "+tniSeQJHf0xgzQA+OYY6vtBoR8mke8SfiYvMoDusgaxSaEvB7oXmgITneggeypmMQb3GlDs6SS36HVxQ8A1l0Zm/7kmvirV",
            "Nl/5lXwD13iIQLCaw7zFlPaALrBRLQhxCqJDYyRAsL4F2+zJW4GLLpNqXoJo40BfipXRBD3r3sZc9gQxX5EESt1NhVNshJa2",
            "UP29Qb5hOwq0VdwMlNEIyMG8DvgfNo/u0hqYdE+DedhQufZ3E8+QCA9LmH6oSz4b94X4fdjhsCXqbtvNmyoum2cule0z2A4a",
            "aYEfD8vHTWvlkZpSkEdOR5jyQEiK9TknsZLIoD9zdt0f95SObBo0svIryRJiy3tf+qb61hqhqdOnxgOLNdyLJ848b5BYCet6",
            "bvo37fHNiqhrzHYtcjiYB7XBb5cBVRECQwOurk7UEROy9/2DEN6OusPYmHoVn8F+GQWRKLKtAID3zGffrx+qXAZD/nNHJXVC",
            "g+AAA9idrcX6MQWnzAOJgd+at7/BP5giRolORtfQrvaETdigM8SBDYyAdatCx0yAGlC8xctdhr5t9/p8zg9MmJaO/Ecwljh3",
            "DW1Y5EL4J73fyxXr5sPlIU6OUXabMh9ZjwQ00PUaBszTwmybT99ozhpVBGx6B84zDTJuoK/F9uWwP49jdqRQxVdlAGGnHkAF",
            "h9YhziANrGu49EDNtOZ0RXFTp9dXqA7Wl3buBQstVihrniKVyuRWzK1/NQ2aWxsqosGfEbx+DaduHdye0lb2X0h66nGkcY1D",
            "lOfhhp6rjtOqghOPkeckp9Q5CGBtWsAAZmMJBJHY0mlI83Z12EGbIEZ9h65achyrcZZN5arXUZovcD4oaKV0JZXW8wMP3INH",
            "xIdSg3rKLEHlS9OmYDgMZHP9KqwrlxqnCnp76n/oFeU3zRb5ByD1dfO3CgACn9emV0pmU/uZ6iA3wbON608j83r1amhErD63",
            "qTEGYiu4YEwshIe76tzRRqLQP6083PJK+ZTTobOtQgK11mlfrS9Xsb2n1VX3EA8ySGh/dT9a15VfydLQv8im9jbM8NjPSvpu",
            "+kpwWLacxY268uDVdKQzzNl8FiNfLxWggdorR1PORwQSuNP5AAti+KqzT6ITlXR+WPQCzzoJqXzdp5EHKQWVKnflo5V9JIyC",
            "QEOQ8eQIUosheeRJpMyc1bo9349kqJ76xNiD0y2/UfUpbJcGoZ4IoKRBaqfr5lnZ4kX50xJTu7oL0/n8hpou8CpX2erQpCov",
            "5JIi8Masv86pRTKhRTBQhgPxxvihL89u6IXEc4qoyw/XRfsGdAmOQ79Qvbgg4H1M2tBBS5u91kwJUNtX0Io/3XTfaSGJzxQM",
            "VepbyMb1MVtssVKo5uSe0Fv7y7N83dkNvDNVsiBQvDu6CPVHC1p80chVKw5VB17Wrk3rrnNftV+F2vLfKsTI8DoRC1vJneW0",
            "2zxYJePN0tREFhBaA9isWQ8K8MIk33pi3gIHaiFOunxJPu+qnvrde8zDAuTL3VYtQJqQpTVmz2/FGfK9CiZZXjcjNzJZv5Z2",
            "rcsaeQ3j+kEHIBFvCHj2ILuCtKK5voag9Ili0qBjvGvp/eLeR0m8agMUuiqznBQQJx7y0kTj5lG+zutTujnKqEBS43JyJf6H",
            "mhQLx14PckncjZV1tL7XKdElD9VQP45r7J5ISa5eVMlFhwDfWCw5GMegbJQ7Mzwc58jhoXzkcyJOSI1SxJp8EAQzo+0GgXS+",
            "oipx0VJhyZpHG5yHwhFPRBJuAB7KmOBfEw4Rd4mdU9Hu+kJpDw5HDO28SBb/A/kVlrJIJyZh/dHX2MX+vEAT8k8NOxC3zW91",
            "Dhpf8lN33RGY/BiTtUV5Hb8ZyetkUy9DNuBpPUr5hHuZIuHOqCJGEWv0oafIcP7RrcUEYy1XctZyeOB3mTu2cHY4xdk+1QGf",
            "yQeTqGwDiDqcfcF7/16cmUQlz+8Eaq9ibExkegRLdBdNj8D2dvU4F1VPZm79g9jSYUUQXLcIHWiVK3BTCHoEtWOAHPs9dh1f",
            "eIebLTOP/UDgoV4RgTPvpkkmmz5wsQgSL40nLv6aWQ+S5ibADqIW22/g7Jo6uE3agH5hNsmbPHbjDrgt47+7AnaFYlcWN0a7",
            "X7AXaUSTg6bwyzPUGtxmqiWjWSFzFYzeJRj8Ff5GlkIUp7nAPwohffe7XanR3PaqsKLB30bwSN9Up8Nugu6/1OxvIgCHOhZ8",
            "scDKM3ymmdinw8FiA6QQ+6IWpWqyxgrCZAgKjb7dybmMLNGIL1D/AHAjmsElbF4She2g04j996xeKa6T7a2iastJTkhxOgl3",
            "5k77FF0yuRHBrwD9Lt2zakxc0/F6AMxC1fVDQOaI2K11IyjXAFdTIViBSuHUPO1d8l9xWEZNGnSkaoKJWgG1JxkDtT3cvfhP",
            "c4K2xO/95+nRCptOvQbbfyZALIW6NybyPtqscgZIFM19nHUM6qU4aaELFVPtd1+y+TmEedmCrP4SakWR4kfHCikwCMSI21OY",
            "ro/7ZD2JI/xNEDOIGuYh5RdYZjVdZf2NJemnxwZ6GZR/+78SXnYkAdJROOL/OnQaTg4s3Itd/11iZYLtSwhz6TEEyVrJ5aoQ",
            "XFzTMbfL4OF8mkyIRuezOaKhYB0yjTpP/ez8xCPQa0h0Kr7aR80iwcUHhDKnKd4o5tGxQ/aRjFnAvtzYgWQnq+5eRSS7S1GF",
            "BOtL/eRqcfkoUWQKbJa/esN8n+B7/uEDZTQZM5fzRr/EEiFxaUniu+CjpoP0yD5IpqUlobtz1L/7Jx2bGBRdmtQ+frqMu+AA",
            "Zk/UsWGWRSG1xYx/3pJMfvaVPngaU/7OakRsDMXcydDa2PRvJnc6l79C8+Q+4XN6Une+P62znM9seYfjA8wceQA3DHT8+ZT3",
            "SF03e873UFruhV5cs+yHrPVE4LcHwIxlzPW2Kg09aIoL5KwoqKWV45LqcEnq1ey3SmA0uTuAGSZu2pq0dFeNCSlpJSXcL8Vu",
            "Pkvy2v0djW64aHZcEsJJKKAZs0v/pP9JDgz30ac313xmOQ0dQ71uoxmWdSEy55t57bcJY4oYKnK3aR8vGc8oVtrSJ445ixf7",
            "jSFiO8r9B0z54u9BxBHUT158QHQkDrrnOqxxgnRObDlLIXOAD6yvtg3WcO5Bnkt11N4hHOqipfUjIkmHCr0F//YPRNTFvgKg",
            "8P/XF22gFAE6OKNgPGF/aVCKBFu+ql+Lg4FPPdzpYJiS3yAy1KE/BGkZ1/V9LLESU17SjpiPTFp5S0pdL/9S1QtTNy6Lc15Q",
            "GDnUGJKy9miPdFgU8ixDACkdgybeSaCj32I+f1Tsv86I1SYV0El3YH4stjj+1q3Z+tln5dz0slxEeYvLHKJvTYmka0R0Qox4",
            "6ejeHNCNwxi+Kgyu0A4jO6t9257leuIrxZ0ssKro1h/SCORC31KgERsXdY8rmPLxYRMAH7gTsuhpuLzwRlwMUPp4giUIHtxu",
            "Zr2pi5VN3KVia3Fr7PN9AHk6VhEhbeKwY7WjohPwJCZUqUOnFa2A/gTqHWht4hfqWBB7jj4K24olSualuRX/9Ma9+/89q7QB",
            "YF1gW2H3+MGKx+k8YoK4tIDT2d6ID5Q+s3qI7quNbgfhblai5/oWTZMp3z7KFHiM4dTj82SM2jtGjUIBquQcpuHnLu9LExUN",
            "j+o6MkBymw6xQyqKp1MBeSYXCunWZE9fzeGOOexRkHXkKNn0ORPakTbIm2wPfm++oURLwY+5kFYgiInfx7Vgy2EPlqudT9ax",
            "v8d2nX8FkAcXTZHw4AX7vq04xH3Cf/Il6q9K8310ntDEjMdykZm5KvBT7nzxtMXcc/7R6GUxTuB9pzq63Ug5jTBkzfXC0WIN",
            "garRRFQj3moqRSrKoRjc3oo2YSUKo0QxuaGL3RFR1OU/oxdOgk9nCnSLhCMf+i08ujoq3igMiQRSbPqn45KU2PbcMIcKrHwd",
            "ypfZ6AHnpqr3p1ou9FWuXuNA5AMQbKtorgcXp5S4XrjFoiQAUtFjnjGIm8zMex4SXk2nOGwc4e+uHojOPQdahoDd6/oRHK0n",
            "TnXMXkciL5kqfeH9bx4lH58MIEoGG1CufnxdHzBW28XJsL3IV1b3bZ4ijrzwolWwXOu/R+ZcH6VMZ/o8QrdSu0MrnvPhfcE+",
            "Sz790CEq2fAnSzg61PRjfaM1x6w9Kh3+LXbBKJCYjOJCRp5Dke0XQlTK15ViyuBn+P3RM5F4MzjxcKB8ZiOMPnZYt3HDBxdw",
            "ZCF7B/88OzmZuOn9Hzo2+wOPYQVh9xIF5O1/WhAj/AIj6x3fQyfLp8akx3EBS8j8DqN91Ov6LdWSyf5JadZP5c8K4PJjtSD1",
            "vGzKlU9zRhmqy6Mj/KQKBpY37EWwa7nnLOeLbhhHPhfemOuUDo+Ky3VvySxGAwPxcAaTtG/qFZ/Sk/Mnf5Mbr9ySEnbt+xLE",
            "JK7lplwwcsWn9tjv3BLVUX+Gj+ODapozuJdKGp0D01r2FQOeYfSWnhg1rArrijzPWNBD2fTnPpmRyelQFXkWZZcO3zJlMnQK",
            "15GQjlMci3PDkJFcjQPreeDk5iNAz0FQH5E1iZv6SdzxXJMogL3qAxI23a+B/LnNVY18+DF6Iz/siZaKISj37JI9vOtXM2C+",
            "/pXnvWXEO4pdTbx4TQiTGXkEgzYtPtG5vFvpxRt+sHRnQeLd5o6nNYbSSku6m0wS0dez/+EbDQtOLGcS5+Mm+1t5VqpsvJW6",
            "bFDOLqx6NlEO5PXBE6INbiwjr6rYfrphUY4YpqDA13H8/0qIuf44ad3e2qiTot39TDJmh6W1EI8WLidI4BQ8rMszlFVVEeb6",
            "mzCwPpZeuQfyWIsqUySO2yFl9EUJv/yIEQPu9vEYBx0XT6XBETH2KvhUBFAXx31zXGjL0XJ64aS9XfR81xSfRXYs7xRtUfId",
            "+IBS975kZqvM+cS54jx7dOQyimaK4ra8zuzJ8+U0kB+vjsF1BPtQN9GNOvhZDM/nl/szEOj+QHrAYxdo//lbqkb8iD0mmKoz",
            "2U9mIq5BHGOAifZgV6pelM63ij1pmiPctzuU907ylz8nfYG2i4lVhlR0SN4yHPcEWYyZ96FQFfpAaOvhRniFP6QblzuVMkqV",
            "OWEELtVaXgckh3tj5IQ1HvDc6S6BnI7vr+o1Ue8qq7eA4CtPeuD+klc1RZZYhrMrD2Imfa5bSBjdDVeDEg5//zFIaEYao34D",
            "OPmhIvGjObfI0PlQok8jf4q5WQoXv7jR5j70BGE0Fd341S3WYZ4Woyyp5fAVcqA94h14RP4WrXmbbuP0EFe1ncmhuy9lboWw",
            "i04PI3VUFOSbkC4Jo4dFTl8BoVTWlqFfpON+mwH8s+lU86wHrREqecq9u5ppGSp/pSD6yTH70GLpLooprfXX1mFCnnXQ7m1s",
            "Qf6GHOo41zT+gWu5HIMxDKnDFgA1rHg7Ev5nbA/ohM4yfNKqU5i+vFP3vVh32OewOtEX4y6TUQQG7+hG+MKeFp+nWdhq85Zc",
            "CiJx/yKhqR7g97Tj9XRIgaSasW5Vz9x5oZ6nnS2cHwrydrQrcV9mfScSycliH5Bvxl4XH0qyBhEJnoVY4XVTVABonu+payRc",
            "hX9YK753ztK+sN6vrDJ9qdn/JSoqPAoz2MrrodtBlMGnCloAp3kOS3/fVZfdULgIuyHZ8P690Y2mCOX8KJa1hQ=="));

    @Test
    void theDocumentedExampleStillVerifies() throws Exception {
        X25519Identity org = X25519Identity.parse(IDENTITY);
        assertThat(org.recipient().encode()).isEqualTo(RECIPIENT);
        VerifiedBundle b = BundleReader.read(new ByteArrayInputStream(BUNDLE), List.of(org), BundleLimits.DEFAULT);
        assertThat(b.fileSha256()).isEqualTo(FILE_SHA256);
        assertThat(b.manifest().bundleId()).hasToString(BUNDLE_ID);
        assertThat(b.devicePublicKey()).isEqualTo(Ed25519Pem.parse(DEVICE_PEM));
        assertThat(b.manifest().recipients()).containsExactly(RECIPIENT);
        assertThat(b.testimonies()).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo("6f1c2a8e-3b4d-4e5f-9a0b-1c2d3e4f5a6b");
            assertThat(t.content().title()).isEqualTo("\u00d6rnek tan\u0131kl\u0131k");
        });
    }
}
