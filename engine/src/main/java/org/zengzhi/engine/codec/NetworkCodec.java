package org.zengzhi.engine.codec;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.zengzhi.engine.Engine;
import org.zengzhi.engine.RegionLevel;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.network.Merchants;
import org.zengzhi.engine.order.Channel;
import org.zengzhi.engine.order.Order;
import org.zengzhi.engine.order.OrderSplit;
import org.zengzhi.engine.order.Reward;
import org.zengzhi.engine.order.RewardKind;

/** Merchants, agents and orders inside engine snapshots, each in a canonical order. */
final class NetworkCodec {
    private static final String NONE = "";

    private NetworkCodec() {
    }

    static void writeMerchants(Engine engine, DataOutputStream out) throws IOException {
        List<AccountType> types = merchantTypes(engine);
        Merchants merchants = engine.models().network().merchants();
        out.writeInt(merchants.count());
        for (int m = 0; m < merchants.count(); m++) {
            Merchants.Merchant merchant = merchants.get(m);
            out.writeUTF(merchant.id);
            out.writeInt(merchant.owner);
            out.writeInt(merchant.recruiter);
            out.writeUTF(merchant.region);
            out.writeLong(merchant.commissionPpm);
            out.writeBoolean(merchant.suspended);
            for (AccountType type : types) {
                out.writeLong(engine.models().ledger().balance(type, m));
            }
        }
    }

    static void readMerchants(Engine engine, DataInputStream in) throws IOException {
        List<AccountType> types = merchantTypes(engine);
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            Merchants.Merchant merchant = new Merchants.Merchant(in.readUTF(), in.readInt(), in.readInt(), in.readUTF(),
                    in.readLong());
            merchant.suspended = in.readBoolean();
            int m = engine.models().network().addMerchant(merchant);
            for (AccountType type : types) {
                engine.models().ledger().restore(type, m, in.readLong());
            }
        }
    }

    static void writeAgents(Engine engine, DataOutputStream out) throws IOException {
        Map<String, Integer> sorted = new TreeMap<>(engine.models().network().agents());
        out.writeInt(sorted.size());
        for (Map.Entry<String, Integer> agent : sorted.entrySet()) {
            out.writeUTF(agent.getKey());
            out.writeInt(agent.getValue());
        }
    }

    static void readAgents(Engine engine, DataInputStream in) throws IOException {
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            engine.models().network().setAgent(in.readUTF(), in.readInt());
        }
    }

    static void writeOrders(Engine engine, DataOutputStream out) throws IOException {
        out.writeLong(engine.models().orders().orders().sequenceCounter());
        List<Order> orders = engine.models().orders().orders().inPaymentOrder();
        out.writeInt(orders.size());
        for (Order order : orders) {
            out.writeUTF(order.id);
            out.writeLong(order.sequence);
            out.writeInt(order.participant);
            out.writeInt(order.merchant);
            out.writeUTF(order.channel.name());
            out.writeLong(order.amountFen);
            out.writeLong(order.deductFen);
            out.writeUTF(order.region == null ? NONE : order.region);
            writeSplit(order.split(), out);
            Reward[] rewards = engine.models().orders().rewardsOf(order);
            out.writeInt(rewards.length);
            for (int i = 0; i < rewards.length; i++) {
                writeReward(rewards[i], out);
                out.writeInt(order.rewardOwner(i));
            }
            out.writeLong(order.deductGrantedFen);
            out.writeLong(order.contributionFen);
            writeInstant(order.paidAt, out);
            writeInstant(order.dueAt, out);
            out.writeBoolean(order.received);
            out.writeUTF(order.status.name());
        }
    }

    static void readOrders(Engine engine, DataInputStream in) throws IOException {
        engine.models().orders().orders().restoreSequence(in.readLong());
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            String id = in.readUTF();
            long sequence = in.readLong();
            int participant = in.readInt();
            int merchant = in.readInt();
            Channel channel = Channel.valueOf(in.readUTF());
            long amount = in.readLong();
            long deduct = in.readLong();
            String region = in.readUTF();
            OrderSplit split = readSplit(in);
            if (split.amountFen() != amount) {
                throw new IOException("order " + id + ": its split is of " + split.amountFen() + " fen, the order of "
                        + amount);
            }
            int rewardCount = in.readInt();
            Reward[] rewards = new Reward[rewardCount];
            int[] owners = new int[rewardCount];
            for (int r = 0; r < rewardCount; r++) {
                rewards[r] = readReward(in);
                owners[r] = in.readInt();
            }
            Order order = new Order(id, sequence, participant, merchant, channel, amount, deduct,
                    region.isEmpty() ? null : region, split, Order.packRewards(rewards, owners, rewardCount), in.readLong(),
                    in.readLong(), readInstant(in), readInstant(in));
            if (!Arrays.equals(engine.models().orders().rewardsOf(order), rewards)) {
                throw new IOException("order " + id + ": its rewards do not match its owners and region path");
            }
            order.received = in.readBoolean();
            order.status = Order.Status.valueOf(in.readUTF());
            engine.models().orders().orders().add(order);
        }
    }

    private static void writeSplit(OrderSplit split, DataOutputStream out) throws IOException {
        long[] parts = {split.amountFen(), split.commissionFen(), split.merchantFen(), split.platformFen(),
            split.distributionFen(), split.poolFen(), split.roundingFen(), split.rewardsFen(), split.distributionLeftFen()};
        for (long part : parts) {
            out.writeLong(part);
        }
    }

    private static OrderSplit readSplit(DataInputStream in) throws IOException {
        return new OrderSplit(in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong(),
                in.readLong(), in.readLong(), in.readLong());
    }

    private static void writeReward(Reward reward, DataOutputStream out) throws IOException {
        out.writeUTF(reward.kind().name());
        out.writeUTF(reward.recipient());
        out.writeUTF(reward.level() == null ? NONE : reward.level().name());
        out.writeUTF(reward.region() == null ? NONE : reward.region());
        out.writeLong(reward.nominalFen());
        out.writeLong(reward.amountFen());
    }

    private static Reward readReward(DataInputStream in) throws IOException {
        RewardKind kind = RewardKind.valueOf(in.readUTF());
        String recipient = in.readUTF();
        String level = in.readUTF();
        String region = in.readUTF();
        return new Reward(kind, recipient, level.isEmpty() ? null : RegionLevel.valueOf(level),
                region.isEmpty() ? null : region, in.readLong(), in.readLong());
    }

    private static void writeInstant(Instant instant, DataOutputStream out) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    /** The green-points accounts only under a plan with green points, so other snapshots keep their bytes. */
    private static List<AccountType> merchantTypes(Engine engine) {
        boolean green = engine.plan().greenPoints() != null;
        List<AccountType> types = new ArrayList<>();
        for (AccountType type : AccountType.values()) {
            if (type.perMerchant() && (green || !type.greenPoints()) && !type.storeWallet()) {
                types.add(type);
            }
        }
        return types;
    }
}
