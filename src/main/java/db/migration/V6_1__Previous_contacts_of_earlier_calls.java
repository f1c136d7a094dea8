package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.rcrp.handover.intake.PreviousContacts;

/**
 * The keys of the calls logged before previous contacts existed (V6 made their table empty), so that the first weeks
 * after an upgrade show the contacts logged before it: a Java migration, because the keys are the application's own
 * normalisation (PersonKey, PhoneKey: accents, word order, +44), which SQL on PostgreSQL and H2 alike cannot spell.
 * Reads the calls in one pass with a cursor and writes in batches; about a million calls take a minute.
 */
public class V6_1__Previous_contacts_of_earlier_calls extends BaseJavaMigration {

    private static final int BATCH = 5_000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement calls = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
             PreparedStatement insert = connection.prepareStatement(PreviousContacts.INSERT)) {
            calls.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet call = calls.executeQuery("SELECT id, logged_at, subject_name, subject_age, caller_phone FROM rcrp_call")) {
                while (call.next()) {
                    Integer age = (Integer) call.getObject("subject_age");
                    if (PreviousContacts.bind(insert, call.getString("id"), call.getTimestamp("logged_at"), call.getString("subject_name"),
                            age, call.getString("caller_phone"))) {
                        insert.addBatch();
                        if (++pending == BATCH) {
                            insert.executeBatch();
                            pending = 0;
                        }
                    }
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }
}
