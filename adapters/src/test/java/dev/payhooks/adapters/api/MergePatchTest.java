package dev.payhooks.adapters.api;

import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static dev.payhooks.adapters.api.Jsonp.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MergePatchTest {

    static JsonValue json(String text) {
        return JSON.createReader(new StringReader(text.replace('\'', '"'))).readValue();
    }

    static void merges(String target, String patch, String result) {
        assertEquals(json(result), MergePatch.apply(json(target), json(patch)), target + " + " + patch);
    }

    /** The examples of RFC 7396, appendix A. */
    @Test
    void theRfcExamples() {
        merges("{'a':'b'}", "{'a':'c'}", "{'a':'c'}");
        merges("{'a':'b'}", "{'b':'c'}", "{'a':'b','b':'c'}");
        merges("{'a':'b'}", "{'a':null}", "{}");
        merges("{'a':'b','b':'c'}", "{'a':null}", "{'b':'c'}");
        merges("{'a':['b']}", "{'a':'c'}", "{'a':'c'}");
        merges("{'a':'c'}", "{'a':['b']}", "{'a':['b']}");
        merges("{'a':{'b':'c'}}", "{'a':{'b':'d','c':null}}", "{'a':{'b':'d'}}");
        merges("{'a':[{'b':'c'}]}", "{'a':[1]}", "{'a':[1]}");
        merges("['a','b']", "['c','d']", "['c','d']");
        merges("{'a':'b'}", "['c']", "['c']");
        merges("{'a':'foo'}", "null", "null");
        merges("{'a':'foo'}", "'bar'", "'bar'");
        merges("{'e':null}", "{'a':1}", "{'e':null,'a':1}");
        merges("[1,2]", "{'a':'b','c':null}", "{'a':'b'}");
        merges("{}", "{'a':{'bb':{'ccc':null}}}", "{'a':{'bb':{}}}");
    }

    @Test
    void onlyWhatThePatchNamesChanges() {
        merges("{'label':'ERP','url':'https://erp.example/in','events':['a'],'enabled':true,'rateLimitPerSecond':5}",
            "{'enabled':false,'rateLimitPerSecond':null}",
            "{'label':'ERP','url':'https://erp.example/in','events':['a'],'enabled':false}");
    }
}
