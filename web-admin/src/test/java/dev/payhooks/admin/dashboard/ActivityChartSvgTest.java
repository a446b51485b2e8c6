package dev.payhooks.admin.dashboard;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chart is well-formed SVG whose bars and line follow the numbers. */
class ActivityChartSvgTest {

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static double attribute(Element e, String name) {
        return Double.parseDouble(e.getAttribute(name));
    }

    @Test
    void barHeightsAreProportionalAndTheLineBreaksOnUndecidedDays() throws Exception {
        LocalDate d = LocalDate.parse("2026-11-20");
        List<DailyActivity> days = List.of(
            new DailyActivity(d, 4, 3, 1),
            new DailyActivity(d.plusDays(1), 2, 0, 0),   // nothing decided: gap in the line
            new DailyActivity(d.plusDays(2), 8, 2, 2),
            new DailyActivity(d.plusDays(3), 0, 0, 0));

        Document svg = parse(ActivityChartSvg.svg(days));

        NodeList bars = svg.getElementsByTagName("rect");
        List<Element> volume = new java.util.ArrayList<>();
        for (int i = 0; i < bars.getLength(); i++) {
            Element bar = (Element) bars.item(i);
            if ("volume".equals(bar.getAttribute("class"))) {
                volume.add(bar);
            }
        }
        assertEquals(4, volume.size());
        double plot = ActivityChartSvg.HEIGHT - ActivityChartSvg.TOP - ActivityChartSvg.BOTTOM;
        assertEquals(plot / 2, attribute(volume.get(0), "height"), 0.1);
        assertEquals(plot / 4, attribute(volume.get(1), "height"), 0.1);
        assertEquals(plot, attribute(volume.get(2), "height"), 0.1);
        assertEquals(0, attribute(volume.get(3), "height"), 0.1);
        assertTrue(volume.get(0).getTextContent().contains("2026-11-20: 4 created, 3 succeeded, 1 failed"));

        NodeList lines = svg.getElementsByTagName("polyline");
        assertEquals(2, lines.getLength(), "the undecided day splits the success line");
        String firstPoint = ((Element) lines.item(0)).getAttribute("points").split(" ")[0];
        double y = Double.parseDouble(firstPoint.split(",")[1]);
        assertEquals(ActivityChartSvg.TOP + plot * 0.25, y, 0.1, "75 % success sits a quarter down from the top");
    }

    @Test
    void anEmptyPeriodStillDrawsAChart() throws Exception {
        Document svg = parse(ActivityChartSvg.svg(List.of(new DailyActivity(LocalDate.parse("2026-11-20"), 0, 0, 0))));
        assertEquals(0, svg.getElementsByTagName("polyline").getLength());
        assertEquals("svg", svg.getDocumentElement().getLocalName());
    }
}
