package org.rcrp.handover.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.process.ProcessTestBeans;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every notice service task in bpmn/ (asynchronous, retried by {@code ${notificationRetry.cycle()}}) is the one notice
 * delegate, and names a kind the delegate knows; every kind the delegate knows is named by some task.
 */
class NoticeKindsInModelsTest {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final Pattern SEND = Pattern.compile("\\$\\{notice\\.send\\('([A-Z_]+)'\\)}");

    @AfterEach
    void reset() {
        ProcessTestBeans.reset();
    }

    @Test
    void everyNoticeTaskNamesAKindTheDelegateKnows() throws Exception {
        Map<String, String> kindByTask = noticeTasks();
        NoticeDelegate delegate = ProcessTestBeans.register().noticeDelegate;

        assertThat(kindByTask).as("notice service tasks in bpmn/").isNotEmpty();
        assertThat(delegate.kinds()).containsAll(kindByTask.values());
        assertThat(kindByTask.values()).as("no kind without a task").containsAll(delegate.kinds());
        kindByTask.values().forEach(kind -> assertThat(delegate.send(kind)).isNotNull());
    }

    /** Task id (model/id) → kind, for every service task retried on the notice cycle; fails on one that is not notice.send. */
    private static Map<String, String> noticeTasks() throws Exception {
        Map<String, String> kindByTask = new TreeMap<>();
        List<String> notTheNoticeDelegate = new ArrayList<>();
        for (Path model : models()) {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            NodeList tasks = factory.newDocumentBuilder().parse(model.toFile()).getElementsByTagNameNS(BPMN, "serviceTask");
            for (int i = 0; i < tasks.getLength(); i++) {
                Element task = (Element) tasks.item(i);
                NodeList cycles = task.getElementsByTagNameNS(CAMUNDA, "failedJobRetryTimeCycle");
                boolean noticeCycle = cycles.getLength() > 0 && cycles.item(0).getTextContent().contains("notificationRetry");
                Matcher send = SEND.matcher(task.getAttributeNS(CAMUNDA, "delegateExpression"));
                String id = model.getFileName() + "/" + task.getAttribute("id");
                if (send.matches()) {
                    kindByTask.put(id, send.group(1));
                } else if (noticeCycle) {
                    notTheNoticeDelegate.add(id);
                }
            }
        }
        assertThat(notTheNoticeDelegate).as("notice tasks not using ${notice.send('KIND')}").isEmpty();
        return kindByTask;
    }

    private static List<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            return files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
        }
    }
}
