package org.zengzhi.server.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.zengzhi.engine.order.Channel;
import org.zengzhi.engine.order.MallSplitFen;

/** The body of a new payment is checked for form, and a bad one names its field. */
class PaymentRequestTest {

    private static PaymentRequest parse(String json) throws InvalidFieldException {
        return PaymentRequest.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String fieldOf(String json) {
        return catchThrowableOfType(InvalidFieldException.class, () -> parse(json)).field();
    }

    @Test
    void readsStoreAndMallPayments() throws Exception {
        PaymentRequest store = parse("{\"order\":\"o1\",\"user\":\"alice\",\"merchant\":\"shop\",\"channel\":\"store\","
                + "\"amount\":\"100.00\"}");
        assertThat(store).isEqualTo(new PaymentRequest("o1", "alice", "shop", Channel.STORE, 10000, 0, null, null));
        PaymentRequest mall = parse("{\"order\":\"m1\",\"user\":\"bob\",\"channel\":\"mall\",\"amount\":\"1000\","
                + "\"deduct\":\"50.5\",\"region\":\"440106\",\"split\":{\"cost\":\"300\",\"distribution\":\"300\","
                + "\"platform\":\"100\",\"pool\":\"300.00\"}}");
        assertThat(mall).isEqualTo(new PaymentRequest("m1", "bob", null, Channel.MALL, 100000, 5050,
                new MallSplitFen(30000, 30000, 10000, 30000), "440106"));
    }

    @Test
    void badFieldsAreNamed() {
        String ok = "\"order\":\"o1\",\"user\":\"alice\",\"merchant\":\"shop\",\"channel\":\"store\"";
        assertThat(fieldOf("{" + ok + ",\"amount\":\"1.001\"}")).isEqualTo("amount");
        assertThat(fieldOf("{" + ok + ",\"amount\":1.00}")).as("numbers are refused").isEqualTo("amount");
        assertThat(fieldOf("{" + ok + ",\"amount\":\"0.00\"}")).isEqualTo("amount");
        assertThat(fieldOf("{" + ok + ",\"amount\":\"-1.00\"}")).isEqualTo("amount");
        assertThat(fieldOf("{" + ok + "}")).isEqualTo("amount");
        assertThat(fieldOf("{" + ok.replace("store", "online") + ",\"amount\":\"1.00\"}")).isEqualTo("channel");
        assertThat(fieldOf("{\"order\":\"o1\",\"user\":\"a\",\"channel\":\"store\",\"amount\":\"1.00\"}"))
                .isEqualTo("merchant");
        assertThat(fieldOf("{\"order\":\"\",\"user\":\"a\",\"channel\":\"store\",\"amount\":\"1.00\"}"))
                .isEqualTo("order");
        assertThat(fieldOf("{\"user\":\"a\",\"channel\":\"store\",\"amount\":\"1.00\"}")).isEqualTo("order");
        assertThat(fieldOf("{" + ok + ",\"amount\":\"1.00\",\"tip\":\"1.00\"}")).isEqualTo("tip");
        assertThat(fieldOf("{" + ok + ",\"amount\":\"1.00\",\"deduct\":\"1.00\"}")).isEqualTo("deduct");
        assertThat(fieldOf("{\"order\":\"m\",\"user\":\"a\",\"channel\":\"mall\",\"amount\":\"10.00\",\"split\":"
                + "{\"cost\":\"3\",\"distribution\":\"3\",\"platform\":\"1\",\"pool\":\"2\"}}")).isEqualTo("split");
        assertThat(fieldOf("{\"order\":\"m\",\"user\":\"a\",\"channel\":\"mall\",\"amount\":\"10.00\",\"split\":"
                + "{\"cost\":\"3\",\"distribution\":\"3\",\"platform\":\"1\"}}")).isEqualTo("split.pool");
        assertThat(fieldOf("{\"order\":\"m\",\"user\":\"a\",\"channel\":\"mall\",\"amount\":\"10.00\","
                + "\"region\":\"44\"}")).isEqualTo("region");
    }
}
